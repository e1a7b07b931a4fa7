import { prisma } from '~/lib/db.server'
import { hashToken, isWellFormedToken } from '~/lib/tokens.server'

export type ConfirmOutcome =
  | { status: 'confirmed'; signatureId: string }
  | { status: 'already-confirmed'; signatureId: string }
  | { status: 'invalid' }

/** Opening the emailed link validates the signature; opening it again changes nothing. */
export async function confirmSignature(token: unknown): Promise<ConfirmOutcome> {
  if (!isWellFormedToken(token)) return { status: 'invalid' }
  const tokenHash = hashToken(token)
  const confirmed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Signature" SET state = 'validated', "validatedAt" = now()
    WHERE "tokenHash" = ${tokenHash} AND state = 'pending' AND "tokenExpiresAt" > now()
    RETURNING id`
  if (confirmed.length) return { status: 'confirmed', signatureId: confirmed[0].id }
  const existing = await prisma.signature.findUnique({ where: { tokenHash }, select: { id: true, state: true } })
  if (existing?.state === 'validated') return { status: 'already-confirmed', signatureId: existing.id }
  return { status: 'invalid' }
}
