// The widget's language (decision 119): partners' pages frame /embed and /embed/sign, which have no /cy twin
// (only those two addresses may be framed), so a Welsh partner asks for Welsh with ?lang=cy on the address.
import type { Language } from '~/i18n/language'

export function widgetLanguage(url: string | URL): Language {
  return new URL(url).searchParams.get('lang') === 'cy' ? 'cy' : 'en'
}

/** What the widget's own addresses carry to stay in its language. */
export function widgetLanguageParams(language: Language): Record<string, string> {
  return language === 'cy' ? { lang: 'cy' } : {}
}
