// Which language a page is in (decision 110). Client-safe and tiny: the home page's script budget is tight,
// so the words themselves never travel as JavaScript (they are in ./en.server.ts and ./cy.server.ts, and
// loaders hand each page only the messages it renders).

export const LANGUAGES = ['en', 'cy'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'cy'
}

/** The Welsh site lives under /cy; every other path is English. */
export function languageFromPath(pathname: string): Language {
  return pathname === '/cy' || pathname.startsWith('/cy/') || pathname === '/cy.data' ? 'cy' : 'en'
}

/** The English path a page has, whichever language it is shown in: /cy/map → /map, /cy → /. */
export function englishPath(pathname: string): string {
  if (pathname === '/cy' || pathname === '/cy/') return '/'
  return pathname.startsWith('/cy/') ? pathname.slice(3) : pathname
}

/** `path` (an English path, maybe with ?query or #hash) as it is in `language`: /write → /cy/write, / → /cy. */
export function localePath(language: Language, path: string): string {
  if (language === 'en') return path
  if (path === '/' ) return '/cy'
  if (path.startsWith('/?') || path.startsWith('/#')) return `/cy${path.slice(1)}`
  return `/cy${path}`
}

/** The same page in the other language. */
export function otherLanguagePath(pathname: string, language: Language): string {
  return localePath(language === 'en' ? 'cy' : 'en', englishPath(pathname))
}

/** Fills {placeholders} in a message: messages are data (they travel as loader data), never functions. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole))
}
