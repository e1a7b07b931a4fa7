// Suppressed mailboxes (hard bounces and spam complaints) for admins: find
// one, lift it when the address works again, and see which MPs' addresses
// bounced, with the letters held for them, and send those once it is fixed.
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { emailDomain, mailboxKey } from '~/lib/mailbox-key'
import { heldLetterCounts, releaseHeldLetters } from '~/letters/dispatch.server'
import { liftSuppression } from '~/mail/suppression.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'

export const SUPPRESSIONS_PAGE_SIZE = 100

/** `q` is an address (matched as its mailbox, or as typed) or any part of one, such as a domain. */
export async function listSuppressions({ q = '', page = 1 }: { q?: string; page?: number }) {
  const term = q.trim().toLowerCase().slice(0, 254)
  const where: Prisma.SuppressionWhereInput = term
    ? { OR: [{ emailKey: { contains: term } }, ...(/^[^@\s]+@[^@\s]+$/.test(term) ? [{ emailKey: mailboxKey(term) }] : [])] }
    : {}
  const total = await prisma.suppression.count({ where })
  const pages = Math.max(1, Math.ceil(total / SUPPRESSIONS_PAGE_SIZE))
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  const rows = await prisma.suppression.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { emailKey: 'asc' }],
    skip: (current - 1) * SUPPRESSIONS_PAGE_SIZE,
    take: SUPPRESSIONS_PAGE_SIZE,
  })
  return {
    total,
    page: current,
    pages,
    rows: rows.map((r) => ({ address: r.emailKey, reason: r.reason, since: r.createdAt.toISOString() })),
  }
}

export async function findSuppression(address: string) {
  const row = await prisma.suppression.findUnique({ where: { emailKey: mailboxKey(address) } })
  return row ? { address: row.emailKey, reason: row.reason, since: row.createdAt.toISOString() } : null
}

/** MPs whose address bounced, with the letters held for them until it is fixed. */
export async function bouncedMps() {
  const mps = await prisma.mp.findMany({
    where: { emailBouncedAt: { not: null } },
    orderBy: { emailBouncedAt: 'desc' },
    select: { id: true, name: true, constituencyName: true, email: true, emailOverride: true, emailBouncedAt: true },
    take: 200,
  })
  const held = await heldLetterCounts(mps.map((m) => m.id))
  return mps.map((m) => ({
    id: m.id,
    name: m.name,
    constituency: m.constituencyName ?? '—',
    address: m.emailOverride ?? m.email,
    bouncedAt: m.emailBouncedAt!.toISOString(),
    heldLetters: held.get(m.id) ?? 0,
  }))
}

export async function findBouncedMp(mpId: number) {
  return (await bouncedMps()).find((m) => m.id === mpId) ?? null
}

/**
 * A campaigner says the MP's address works again (the office fixed its mailbox): the flag is
 * cleared, audited, and the letters held for the MP are sent. Returns how many were sent, or null
 * when the MP's address was not flagged.
 */
export async function clearMpBounce(campaigner: Campaigner, mpId: number): Promise<number | null> {
  const mp = await prisma.mp.findUnique({ where: { id: mpId }, select: { email: true, emailOverride: true, emailBouncedAt: true } })
  if (!mp?.emailBouncedAt) return null
  const { count } = await prisma.mp.updateMany({ where: { id: mpId, emailBouncedAt: { not: null } }, data: { emailBouncedAt: null } })
  if (!count) return null
  await audit(campaigner.id, 'mp.bounce-clear', { mpId, address: mp.emailOverride ?? mp.email, bouncedAt: mp.emailBouncedAt.toISOString() })
  return releaseHeldLetters({ mpId })
}

export const liftSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('lift'),
      address: z
        .string({ required_error: 'Choose an address to lift' })
        .trim()
        .max(254, 'That address is too long')
        .regex(/^[^@\s]+@[^@\s]+$/, 'That is not an email address'),
    }),
    z.object({ intent: z.literal('clear-bounce'), mpId: z.coerce.number({ invalid_type_error: 'Choose an MP' }).int().positive('Choose an MP') }),
  ],
  { errorMap: () => ({ message: 'That request could not be read' }) },
)

/**
 * Lets mail flow to the address again. The audit entry names the address only
 * when it is an MP's (public) one; for a supporter it keeps the domain, so the
 * log holds no supporter's address after the campaign's data is anonymised.
 * Lifting an MP's current address also clears its bounce flag and sends the
 * letters held for that MP.
 */
export async function liftSuppressionFor(campaigner: Campaigner, address: string): Promise<boolean> {
  const row = await findSuppression(address)
  if (!row || !(await liftSuppression(address))) return false
  const key = row.address
  const mp = await prisma.mp.findFirst({ where: { OR: [{ email: { equals: key, mode: 'insensitive' } }, { emailOverride: { equals: key, mode: 'insensitive' } }] }, select: { id: true, email: true, emailOverride: true } })
  await audit(campaigner.id, 'suppression.lift', {
    ...(mp ? { address: key, mpId: mp.id } : {}),
    domain: emailDomain(key),
    reason: row.reason,
    suppressedAt: row.since,
  })
  if (mp && (mp.emailOverride ?? mp.email)?.toLowerCase() === key) await clearMpBounce(campaigner, mp.id)
  return true
}
