// The embeddable widget: the only pages other sites may put in an <iframe>.
// server/http.ts gives these `frame-ancestors *` (and no X-Frame-Options);
// every other page keeps `frame-ancestors 'none'`.
export const FRAMABLE_PATHS: ReadonlySet<string> = new Set(['/embed', '/embed/sign'])

/** Exact paths only: anything else, even "/embed/" or "/EMBED", stays unframable. */
export function isFramablePath(path: string): boolean {
  return FRAMABLE_PATHS.has(path)
}
