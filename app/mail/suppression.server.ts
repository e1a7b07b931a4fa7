// Addresses we must never email again: a hard bounce or a spam complaint.
// Keyed by mailboxKey: the exact address, except at providers that deliver its
// +tag and dot variants to one mailbox (decision 054), so a bounce of
// jo+x@parliament.uk suppresses that address and nothing else.
// The sender (deliver.server.ts) drops queued emails to these addresses, except
// mail to MPs, which nothing a supporter's address did can stop: a letter to an
// MP whose own address bounces is held by the letters module instead.
import type { EmailKind, Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { mailboxKey } from '~/lib/mailbox-key'

export type SuppressionReason = 'bounce' | 'complaint'

/** Mail to MPs: never suppressed, and its bounces suppress nothing (the MP is flagged instead). */
const MAIL_TO_MPS: ReadonlySet<EmailKind> = new Set<EmailKind>(['letter_to_mp', 'mp_briefing'])

export function isMailToMp(kind: EmailKind): boolean {
  return MAIL_TO_MPS.has(kind)
}

export async function suppressAddress(tx: Prisma.TransactionClient, address: string, reason: SuppressionReason) {
  if (!address.includes('@')) return // an anonymised email row: nothing left to protect
  await tx.suppression.upsert({
    where: { emailKey: mailboxKey(address) },
    create: { emailKey: mailboxKey(address), reason },
    update: {},
  })
}

/** Of these emails, the ones the sender must drop: to a suppressed address, and not to an MP. */
export async function suppressedAmong<T extends { to: string; kind: EmailKind }>(emails: T[]): Promise<T[]> {
  const suppressible = emails.filter((e) => !isMailToMp(e.kind))
  if (!suppressible.length) return []
  const rows = await prisma.suppression.findMany({
    where: { emailKey: { in: [...new Set(suppressible.map((e) => mailboxKey(e.to)))] } },
    select: { emailKey: true },
  })
  const suppressed = new Set(rows.map((r) => r.emailKey))
  return suppressible.filter((e) => suppressed.has(mailboxKey(e.to)))
}

/**
 * Whether mail to this address is blocked after a bounce or complaint. The
 * petition's "check your email" page can use it to say the confirmation
 * cannot be delivered (and to try another address) instead of "look in spam".
 */
export async function isSuppressed(address: string): Promise<{ suppressed: false } | { suppressed: true; reason: string; since: Date }> {
  const row = await prisma.suppression.findUnique({ where: { emailKey: mailboxKey(address) } })
  return row ? { suppressed: true, reason: row.reason, since: row.createdAt } : { suppressed: false }
}

/** Lets mail flow to an address again (a campaigner knows it works now). Returns whether it was suppressed. */
export async function liftSuppression(address: string): Promise<boolean> {
  const { count } = await prisma.suppression.deleteMany({ where: { emailKey: mailboxKey(address) } })
  return count > 0
}
