// Near-duplicate letters, as WriteToThem spots them: each body becomes a
// fingerprint (the 64 smallest hashes of its five-word shingles, a bottom-k
// MinHash sketch); two letters whose sketches estimate a Jaccard similarity of
// 0.8 or more say nearly the same thing. A letter like that of three or more
// others is still sent, but flagged for campaigners. See docs/decisions/011.
import { prisma } from '~/lib/db.server'
import { words } from './personalisation'
import { col, sql } from '~/lib/sql.server'

const SHINGLE_WORDS = 5
const SKETCH_SIZE = 64
export const NEAR_DUPLICATE_SIMILARITY = 0.8
/** Flagged once this many other letters are near-identical to it. */
export const NEAR_DUPLICATE_MIN_MATCHES = 3
/** How many recent overlapping letters are compared (bounds the work per letter). */
const CANDIDATES = 2_000

/** FNV-1a, 32 bits, as a signed integer (a Postgres int4). */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h | 0
}

export function fingerprint(body: string): number[] {
  const list = words(body)
  const shingles = new Set<number>()
  if (list.length < SHINGLE_WORDS) {
    if (list.length) shingles.add(hash(list.join(' ')))
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= list.length; i++) shingles.add(hash(list.slice(i, i + SHINGLE_WORDS).join(' ')))
  }
  return [...shingles].sort((a, b) => a - b).slice(0, SKETCH_SIZE)
}

/** Estimated Jaccard similarity of the texts behind two sketches (0..1). */
export function similarity(a: number[], b: number[]): number {
  if (!a.length || !b.length) return 0
  const inA = new Set(a)
  const inB = new Set(b)
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, SKETCH_SIZE)
  const both = union.filter((h) => inA.has(h) && inB.has(h)).length
  return both / union.length
}

/**
 * Compares a new letter's fingerprint with recent letters. When it is near-identical to enough of
 * them, it and they are flagged; returns whether it is.
 */
export async function flagNearDuplicates(letterId: string, print: number[]): Promise<boolean> {
  if (!print.length) return false
  const candidates = await sql.rows({ id: col.string, fingerprint: col.numbers })`
    SELECT id, fingerprint FROM "Letter"
    WHERE fingerprint && ${print}::int[] AND id <> ${letterId}::uuid AND state <> 'invalidated'
    ORDER BY "createdAt" DESC LIMIT ${CANDIDATES}`
  const matches = candidates.filter((c) => similarity(print, c.fingerprint) >= NEAR_DUPLICATE_SIMILARITY)
  if (matches.length < NEAR_DUPLICATE_MIN_MATCHES) return false
  await prisma.letter.updateMany({ where: { id: { in: [letterId, ...matches.map((m) => m.id)] } }, data: { nearDuplicate: true } })
  return true
}
