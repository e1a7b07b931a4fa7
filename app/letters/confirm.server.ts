// Opening the confirm link sends the letter: in one transaction the letter
// becomes confirmed and two emails join the outbox (to the MP, and a copy to
// the supporter). Only a pending letter can be confirmed, so a second click,
// or two at once, sends nothing more; the outbox's idempotency keys make
// sure a retried batch never reaches the MP twice.
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { hashToken, isWellFormedToken } from '~/lib/tokens.server'
import { queueEmail } from '~/mail/outbox.server'
import { sendableEmail } from '~/mps/lookup.server'
import { CAMPAIGN_SENDER_SUFFIX } from './compose.server'
import { letterForMp } from './letter-text'

export type LetterConfirmation =
  | { status: 'confirmed'; mpName: string }
  | { status: 'already-confirmed'; mpName: string }
  /** The MP can no longer be written to (switched off, no address, no longer an MP). */
  | { status: 'undeliverable'; mpName: string }
  | { status: 'invalid' }

export async function confirmLetter(token: unknown): Promise<LetterConfirmation> {
  if (!isWellFormedToken(token)) return { status: 'invalid' }
  const tokenHash = hashToken(token)
  return prisma.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Letter" SET state = 'confirmed', "confirmedAt" = now()
      WHERE "tokenHash" = ${tokenHash} AND state = 'pending' AND "tokenExpiresAt" > now()
      RETURNING id`
    if (!claimed) {
      const existing = await tx.letter.findUnique({ where: { tokenHash }, select: { state: true, mp: { select: { name: true } } } })
      if (!existing || existing.state === 'pending' || existing.state === 'invalidated') return { status: 'invalid' }
      return { status: 'already-confirmed', mpName: existing.mp.name }
    }

    const letter = await tx.letter.findUniqueOrThrow({ where: { id: claimed.id }, include: { mp: true, constituency: true } })
    // Nothing left to remind them about.
    await tx.email.deleteMany({ where: { letterId: letter.id, kind: 'letter_reminder', status: 'queued' } })
    const to = sendableEmail(letter.mp)
    if (!to || !letter.mp.targetEnabled || letter.mp.status !== 'current' || !letter.body || !letter.subject) {
      await tx.letter.update({ where: { id: letter.id }, data: { state: 'failed' } })
      return { status: 'undeliverable', mpName: letter.mp.name }
    }

    const parts = letterForMp({
      sender: {
        name: letter.name,
        email: letter.email,
        addressLine1: letter.addressLine1 ?? '',
        town: letter.town ?? '',
        postcode: letter.postcode,
        phone: letter.phone,
      },
      body: letter.body,
      constituency: letter.constituency.name,
      siteUrl: env().APP_URL,
    })
    await queueEmail(tx, {
      kind: 'letter_to_mp',
      to,
      // From the campaign's own domain with the supporter's name on it; replies go to the supporter.
      fromName: `${letter.name.slice(0, 100)} ${CAMPAIGN_SENDER_SUFFIX}`,
      replyTo: letter.email,
      subject: letter.subject,
      template: 'letter-to-mp',
      data: {},
      secrets: { letter: parts },
      letterId: letter.id,
    })
    await queueEmail(tx, {
      kind: 'letter_copy',
      to: letter.email,
      subject: `Your letter to ${letter.mp.name}: ${letter.subject}`.slice(0, 250),
      template: 'letter-copy',
      data: { mpName: letter.mp.name },
      secrets: { name: letter.name, subject: letter.subject, letter: parts },
      letterId: letter.id,
    })
    return { status: 'confirmed', mpName: letter.mp.name }
  })
}
