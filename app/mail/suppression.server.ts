// Addresses we must never email again: a hard bounce or a spam complaint.
// Keyed by mailbox (mailboxKey), so jo+1@x.org and jo@x.org are one entry.
// The sender (deliver.server.ts) drops queued emails to these addresses.
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { mailboxKey } from '~/lib/mailbox-key'

export type SuppressionReason = 'bounce' | 'complaint'

export async function suppressAddress(tx: Prisma.TransactionClient, address: string, reason: SuppressionReason) {
  if (!address.includes('@')) return // an anonymised email row: nothing left to protect
  await tx.suppression.upsert({
    where: { emailKey: mailboxKey(address) },
    create: { emailKey: mailboxKey(address), reason },
    update: {},
  })
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

/** Lets mail flow to an address again (a campaigner fixed an MP's mailbox). Returns whether it was suppressed. */
export async function liftSuppression(address: string): Promise<boolean> {
  const { count } = await prisma.suppression.deleteMany({ where: { emailKey: mailboxKey(address) } })
  return count > 0
}
