// A browser's Accept-Language, read only as far as this site needs: does it rank Welsh above English?
// No dependencies, so the server's one-second page cache (server/request-handler.ts) can key on it too.

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
