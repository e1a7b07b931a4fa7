// The emailed link opens a page (linkState: reads, changes nothing, because
// mail scanners open every link); its button posts, and confirmSignature
// validates the signature. Pressing it again changes nothing.
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { hashToken, isWellFormedToken } from '~/lib/tokens.server'
import { newReferralCode } from './referral.server'
import { col, sql } from '~/lib/sql.server'
import { signatureState } from '~/lib/sql-enums.server'

export type ConfirmOutcome =
  | { status: 'confirmed'; signatureId: string }
  | { status: 'already-confirmed' }
  | { status: 'invalid' }

export type ConfirmLinkState = { status: 'pending' } | { status: 'already-confirmed' } | { status: 'invalid' }

/** What the emailed link leads to, without changing anything. */
export async function signatureLinkState(token: unknown): Promise<ConfirmLinkState> {
  if (!isWellFormedToken(token)) return { status: 'invalid' }
  const signature = await prisma.signature.findUnique({ where: { tokenHash: hashToken(token) }, select: { state: true, tokenExpiresAt: true } })
  if (signature?.state === 'validated') return { status: 'already-confirmed' }
  if (signature?.state === 'pending' && signature.tokenExpiresAt > new Date()) return { status: 'pending' }
  return { status: 'invalid' }
}

/** The page's button: validates the signature, once, and gives the signer their referral code. */
export async function confirmSignature(token: unknown): Promise<ConfirmOutcome> {
  if (!isWellFormedToken(token)) return { status: 'invalid' }
  const tokenHash = hashToken(token)
  const confirmed = await validate(tokenHash)
  if (confirmed.length) return { status: 'confirmed', signatureId: confirmed[0].id }
  const existing = await prisma.signature.findUnique({ where: { tokenHash }, select: { state: true } })
  if (existing?.state === 'validated') return { status: 'already-confirmed' }
  return { status: 'invalid' }
}

/**
 * Validates in the same statement that hands out the referral code. A code already taken (one
 * chance in 2^50 per signature held) fails the unique index and the next try draws another.
 */
async function validate(tokenHash: string, attempt = 0): Promise<{ id: string }[]> {
  try {
    return await sql.rows({ id: col.string })`
      UPDATE "Signature" SET state = ${signatureState.validated}, "validatedAt" = now(), "referralCode" = coalesce("referralCode", ${newReferralCode()})
      WHERE "tokenHash" = ${tokenHash} AND state = ${signatureState.pending} AND "tokenExpiresAt" > now()
      RETURNING id`
  } catch (error) {
    if (attempt < 3 && isUniqueViolation(error)) return validate(tokenHash, attempt + 1)
    throw error
  }
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && /23505|referralCode/.test(`${error.message} ${JSON.stringify(error.meta ?? {})}`)
}
