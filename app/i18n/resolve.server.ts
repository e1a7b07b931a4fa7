// Which language a visitor gets (decision 110): the path first (/cy/... is Welsh, everything else English),
// then the language they chose with the switch (a cookie), then their browser's Accept-Language, then English.
// Only the home page `/` acts on the cookie and the header (it redirects a Welsh reader to /cy): every other
// page's language is its path alone, so a shared cache can keep any page without mixing languages up.
import { siteCookie } from '~/lib/cookie.server'
import { prefersWelsh } from './accept-language'
import { isLanguage, languageFromPath, type Language } from './language'

export { prefersWelsh }

/** The language switch's choice, for a year. Not signed: it holds nothing anyone could gain by forging. */
export const languageCookie = siteCookie('lang', { maxAgeSeconds: 365 * 24 * 3600, signed: false })

export interface LanguageSignals {
  pathname: string
  /** The switch's cookie value, if any. */
  chosen: unknown
  acceptLanguage: string | null
}

export type ResolvedLanguage = { language: Language; from: 'path' | 'cookie' | 'accept-language' | 'default' }

/** Path > cookie > Accept-Language > English. */
export function resolveLanguage({ pathname, chosen, acceptLanguage }: LanguageSignals): ResolvedLanguage {
  if (languageFromPath(pathname) === 'cy') return { language: 'cy', from: 'path' }
  if (isLanguage(chosen)) return { language: chosen, from: 'cookie' }
  if (prefersWelsh(acceptLanguage)) return { language: 'cy', from: 'accept-language' }
  return { language: 'en', from: 'default' }
}

/** The language a request's page is rendered in: its path's (decision 110). */
export function pageLanguage(request: Request): Language {
  return languageFromPath(new URL(request.url).pathname)
}

/**
 * For the English home page `/`: where a visitor who reads Welsh should go instead (/cy), or null.
 * A visitor who chose English with the switch stays, whatever their browser says.
 */
export async function welshHomeRedirect(request: Request): Promise<string | null> {
  const url = new URL(request.url)
  const chosen = await languageCookie.parse(request.headers.get('Cookie')).catch(() => null)
  const { language } = resolveLanguage({ pathname: url.pathname, chosen, acceptLanguage: request.headers.get('Accept-Language') })
  return language === 'cy' ? `/cy${url.search}` : null
}
