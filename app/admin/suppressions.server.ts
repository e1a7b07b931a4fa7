// Suppressed mailboxes (hard bounces and spam complaints) for admins: find
// one, lift it when the address works again, and see which MPs' addresses bounced.
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { emailDomain, mailboxKey } from '~/lib/mailbox-key'
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

/** MPs whose address bounced, and whether that address is still suppressed. */
export async function bouncedMps() {
  const mps = await prisma.mp.findMany({
    where: { emailBouncedAt: { not: null } },
    orderBy: { emailBouncedAt: 'desc' },
    select: { id: true, name: true, constituencyName: true, email: true, emailOverride: true, emailBouncedAt: true },
    take: 200,
  })
  const addresses = mps.map((m) => m.emailOverride ?? m.email).filter((a): a is string => !!a)
  const suppressed = new Set(
    (await prisma.suppression.findMany({ where: { emailKey: { in: addresses.map(mailboxKey) } }, select: { emailKey: true } })).map((s) => s.emailKey),
  )
  return mps.map((m) => {
    const address = m.emailOverride ?? m.email
    return {
      id: m.id,
      name: m.name,
      constituency: m.constituencyName ?? '—',
      address,
      bouncedAt: m.emailBouncedAt!.toISOString(),
      suppressed: address ? suppressed.has(mailboxKey(address)) : false,
    }
  })
}

export const liftSchema = z.object({
  intent: z.literal('lift', { errorMap: () => ({ message: 'That request could not be read' }) }),
  address: z
    .string({ required_error: 'Choose an address to lift' })
    .trim()
    .max(254, 'That address is too long')
    .regex(/^[^@\s]+@[^@\s]+$/, 'That is not an email address'),
})

/**
 * Lets mail flow to the address again. The audit entry names the address only
 * when it is an MP's (public) one; for a supporter it keeps the domain, so the
 * log holds no supporter's address after the campaign's data is anonymised.
 */
export async function liftSuppressionFor(campaigner: Campaigner, address: string): Promise<boolean> {
  const row = await findSuppression(address)
  if (!row || !(await liftSuppression(address))) return false
  const key = row.address
  const mp = await prisma.mp.findFirst({ where: { OR: [{ email: { equals: key, mode: 'insensitive' } }, { emailOverride: { equals: key, mode: 'insensitive' } }] }, select: { id: true } })
  await audit(campaigner.id, 'suppression.lift', {
    ...(mp ? { address: key, mpId: mp.id } : {}),
    domain: emailDomain(key),
    reason: row.reason,
    suppressedAt: row.since,
  })
  return true
}
