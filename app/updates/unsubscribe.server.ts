// One-click unsubscribe from campaign updates. Each update carries its own
// random token (only its hash is stored, on the email row), so a link keeps
// working for as long as the email exists, and cannot be guessed.
import { prisma } from '~/lib/db.server'
import { hashToken, isWellFormedToken } from '~/lib/tokens.server'

/** The token in a test send's links: there is nothing to unsubscribe. */
export const TEST_TOKEN = 'test'

export type UnsubscribeState = { status: 'invalid' } | { status: 'test' } | { status: 'subscribed' } | { status: 'unsubscribed' }

async function findUpdate(token: unknown) {
  if (!isWellFormedToken(token)) return null
  return prisma.email.findUnique({
    where: { linkTokenHash: hashToken(token) },
    select: {
      kind: true,
      signatureId: true,
      signature: { select: { unsubscribedAt: true, anonymisedAt: true } },
      // An update to someone who signed on paper and said yes to updates (decision 077).
      paperSignatureId: true,
      paperSignature: { select: { unsubscribedAt: true, anonymisedAt: true, emailKey: true } },
    },
  })
}

/** What the unsubscribe page should offer for this link. */
export async function unsubscribeState(token: unknown): Promise<UnsubscribeState> {
  if (token === TEST_TOKEN) return { status: 'test' }
  const email = await findUpdate(token)
  if (!email || email.kind !== 'campaign_update') return { status: 'invalid' }
  // No signature any more, or anonymised (erased): nothing will be sent to them.
  const signer = email.signature ?? email.paperSignature
  if (!signer || signer.unsubscribedAt || signer.anonymisedAt) return { status: 'unsubscribed' }
  return { status: 'subscribed' }
}

/**
 * Unsubscribes at once (GET page's button, or a mail client's RFC 8058
 * one-click POST). Updates already waiting in the outbox for them are
 * cancelled too. Doing it twice is harmless.
 */
export async function unsubscribe(token: unknown, now = new Date()): Promise<UnsubscribeState> {
  if (token === TEST_TOKEN) return { status: 'test' }
  const email = await findUpdate(token)
  if (!email || email.kind !== 'campaign_update') return { status: 'invalid' }
  if (email.signatureId) {
    const signatureId = email.signatureId
    await prisma.$transaction([
      prisma.signature.updateMany({ where: { id: signatureId, unsubscribedAt: null }, data: { unsubscribedAt: now } }),
      prisma.$executeRaw`
        UPDATE "Email" SET status = 'suppressed', secrets = NULL, "lastError" = 'unsubscribed', "updatedAt" = now()
        WHERE "signatureId" = ${signatureId}::uuid AND kind = 'campaign_update' AND status = 'queued' AND "idempotencyKey" IS NULL`,
    ])
  }
  const paperKey = email.paperSignature?.emailKey
  if (email.paperSignatureId && paperKey) {
    // Every paper row of that mailbox: one person, however many forms they filled in.
    await prisma.$transaction([
      prisma.paperSignature.updateMany({ where: { emailKey: paperKey, unsubscribedAt: null }, data: { unsubscribedAt: now } }),
      prisma.$executeRaw`
        UPDATE "Email" e SET status = 'suppressed', secrets = NULL, "lastError" = 'unsubscribed', "updatedAt" = now()
        FROM "PaperSignature" p
        WHERE e."paperSignatureId" = p.id AND p."emailKey" = ${paperKey} AND e.kind = 'campaign_update' AND e.status = 'queued' AND e."idempotencyKey" IS NULL`,
    ])
  }
  return { status: 'unsubscribed' }
}
