// Which answers a browser, proxy or CDN may keep a copy of. Personal data shows on many
// pages (a pre-filled letter, a token page, the dashboard, an export, a form sent back
// with what was typed), and a new page could easily join them; so every answer is
// `Cache-Control: private, no-store` unless it is a GET of a page listed here, which
// shows the same to everyone. Forgetting to list a new public page only costs caching.
// (Decision 053.)

/** Pages that show the same to everyone, keeping whatever caching they ask for. */
const PUBLIC_PAGES = new Set([
  '/',
  '/petition/signed',
  '/petition.json',
  '/privacy',
  '/accessibility',
  '/healthz',
  '/map',
  '/embed',
  '/embed/sign',
  '/og/campaign.png',
  // The Welsh twins of the public pages above (decision 110): a page's language is its path's alone.
  '/cy',
  '/cy/petition/signed',
  '/cy/privacy',
  '/cy/accessibility',
  '/cy/map',
])

/** Families of public pages named by a code: a seat page and its share image. */
const PUBLIC_PATTERNS = [/^(?:\/cy)?\/map\/[A-Z]\d{8}$/, /^\/og\/seat-[A-Z]\d{8}\.png$/]

function isPublicPage(path: string) {
  return PUBLIC_PAGES.has(path) || (path.length <= 40 && PUBLIC_PATTERNS.some((pattern) => pattern.test(path)))
}

export const PRIVATE = 'private, no-store'

/** The Cache-Control to force on an answer, or undefined to keep the route's own. */
export function forcedCacheControl(method: string, pathname: string): string | undefined {
  if ((method === 'GET' || method === 'HEAD') && isPublicPage(pagePath(pathname))) return undefined
  return PRIVATE
}

/** React Router's data requests name their page: /write.data is /write, /_.data (/_root.data before decision 092) is /. */
function pagePath(pathname: string) {
  if (pathname === '/_.data' || pathname === '/_root.data') return '/'
  return pathname.endsWith('.data') ? pathname.slice(0, -'.data'.length) : pathname.replace(/(.)\/$/, '$1')
}
