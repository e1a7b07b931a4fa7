// Which language a visitor gets (decision 110): the path first (/cy/... is Welsh, everything else English),
// then the language they chose with the switch (a cookie), then their browser's Accept-Language, then English.
// Only the home page `/` acts on the cookie and the header (it redirects a Welsh reader to /cy): every other
// page's language is its path alone, so a shared cache can keep any page without mixing languages up.
import { siteCookie } from '~/lib/cookie.server'
import { isLanguage, languageFromPath, type Language } from './language'

/** The language switch's choice, for a year. Not signed: it holds nothing anyone could gain by forging. */
export const languageCookie = siteCookie('lang', { maxAgeSeconds: 365 * 24 * 3600, signed: false })

/** Long enough for any real browser's list; a longer header is not parsed at all (bounded work per request). */
const MAX_ACCEPT_LANGUAGE = 512

/** Whether a browser prefers Welsh to English: `cy` (or cy-GB) ranked above any `en`. */
export function prefersWelsh(acceptLanguage: string | null): boolean {
  if (!acceptLanguage || acceptLanguage.length > MAX_ACCEPT_LANGUAGE) return false
  let welsh = -1
  let english = -1
  for (const [index, part] of acceptLanguage.split(',').slice(0, 32).entries()) {
    const [tag, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q ? Number(q.slice(2)) : 1
    if (!Number.isFinite(weight) || weight <= 0) continue
    // Equal weights keep the browser's order: earlier wins.
    const rank = weight - index / 1000
    const primary = tag.split('-')[0]
    if (primary === 'cy') welsh = Math.max(welsh, rank)
    else if (primary === 'en') english = Math.max(english, rank)
  }
  return welsh > english
}

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
