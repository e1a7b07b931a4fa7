// The emailed confirm link opens a page showing the letter (letterToConfirm,
// which changes nothing: mail scanners open every link); its button posts,
// and confirmLetter sends it: in one transaction the letter becomes confirmed
// and its emails join the outbox (dispatch.server.ts), or it is held while the
// MP's address bounces. Only a pending letter can be confirmed, so a second
// press, or two at once, sends nothing more; the outbox's idempotency keys
// make sure a retried batch never reaches the MP twice.
import { prisma } from '~/lib/db.server'
import { hashToken, isWellFormedToken } from '~/lib/tokens.server'
import { letterAddress } from '~/mps/lookup.server'
import { dispatchLetter, storedLetterForMp } from './dispatch.server'
import type { LetterParts } from './letter-text'
import { col, sql } from '~/lib/sql.server'

export type LetterConfirmation =
  | { status: 'confirmed'; mpName: string }
  /** Confirmed, and waiting for campaigners to fix the MP's bouncing address. */
  | { status: 'held'; mpName: string }
  | { status: 'already-confirmed'; mpName: string }
  /** The MP can no longer be written to (switched off, no address, no longer an MP). */
  | { status: 'undeliverable'; mpName: string }
  | { status: 'invalid' }

export type LetterToConfirm =
  | {
      status: 'pending'
      mpName: string
      constituency: string
      subject: string
      letter: LetterParts
    }
  /** Pressed before: sent, or still held while the MP's address is fixed. */
  | { status: 'already-confirmed'; held: boolean }
  | { status: 'undeliverable'; mpName: string }
  | { status: 'invalid' }

/** What the confirm link shows, read only: the letter as the MP will receive it. */
export async function letterToConfirm(token: unknown): Promise<LetterToConfirm> {
  if (!isWellFormedToken(token)) return { status: 'invalid' }
  const letter = await prisma.letter.findUnique({ where: { tokenHash: hashToken(token) }, include: { mp: true, constituency: true } })
  if (!letter || letter.state === 'invalidated') return { status: 'invalid' }
  if (letter.state !== 'pending') return { status: 'already-confirmed', held: letter.heldAt !== null }
  if (!letter.tokenExpiresAt || letter.tokenExpiresAt <= new Date() || !letter.body || !letter.subject) return { status: 'invalid' }
  if (!letterAddress(letter.mp) || !letter.mp.targetEnabled || letter.mp.status !== 'current') return { status: 'undeliverable', mpName: letter.mp.name }
  return {
    status: 'pending',
    mpName: letter.mp.name,
    constituency: letter.constituency.name,
    subject: letter.subject,
    letter: storedLetterForMp({ ...letter, body: letter.body, constituency: letter.constituency.name }),
  }
}

/** The button on the confirm page: sends (or holds) the letter once. */
export async function confirmLetter(token: unknown): Promise<LetterConfirmation> {
  if (!isWellFormedToken(token)) return { status: 'invalid' }
  const tokenHash = hashToken(token)
  return prisma.$transaction(async (tx) => {
    const [claimed] = await sql.rows({ id: col.string }, tx)`
      UPDATE "Letter" SET state = 'confirmed', "confirmedAt" = now()
      WHERE "tokenHash" = ${tokenHash} AND state = 'pending' AND "tokenExpiresAt" > now()
      RETURNING id`
    if (!claimed) {
      const existing = await tx.letter.findUnique({ where: { tokenHash }, select: { state: true, heldAt: true, mp: { select: { name: true } } } })
      if (!existing || existing.state === 'pending' || existing.state === 'invalidated') return { status: 'invalid' }
      // Pressed again while the letter waits for the MP's address to be fixed: still held, nothing more to do.
      if (existing.heldAt) return { status: 'held', mpName: existing.mp.name }
      return { status: 'already-confirmed', mpName: existing.mp.name }
    }

    // Nothing left to remind them about.
    await tx.email.deleteMany({ where: { letterId: claimed.id, kind: 'letter_reminder', status: 'queued' } })
    const outcome = await dispatchLetter(tx, claimed.id)
    const { mp } = await tx.letter.findUniqueOrThrow({ where: { id: claimed.id }, select: { mp: { select: { name: true } } } })
    if (outcome === 'undeliverable') return { status: 'undeliverable', mpName: mp.name }
    if (outcome === 'held') return { status: 'held', mpName: mp.name }
    return { status: 'confirmed', mpName: mp.name }
  })
}
