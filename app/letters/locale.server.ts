// The /write steps' language and words for a request (decision 110): the path decides; loaders hand the words
// to the page as data.
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import type { Language } from '~/i18n/language'
import type { WriteLocale } from './words'

export function localeFor(language: Language): WriteLocale {
  const messages = messagesFor(language)
  return { language, t: messages.write, form: messages.form }
}

export function writeLocale(request: Request): WriteLocale {
  return localeFor(pageLanguage(request))
}
