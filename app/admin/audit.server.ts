// The audit log: who changed what, or took personal data out, and when.
// Written in the same transaction as the change when one is passed.
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'

export async function audit(campaignerId: string, action: string, details: object, tx?: Prisma.TransactionClient) {
  await (tx ?? prisma).auditEntry.create({
    data: { campaignerId, action, details: details as Prisma.InputJsonValue },
  })
}

export const AUDIT_PAGE_SIZE = 50

/** Newest first, a page at a time (keyset on createdAt, id). */
export async function auditEntries({ before, action }: { before?: Date; action?: string } = {}) {
  const rows = await prisma.auditEntry.findMany({
    where: {
      ...(before ? { createdAt: { lt: before } } : {}),
      ...(action ? { action: { startsWith: action } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_PAGE_SIZE + 1,
    include: { campaigner: { select: { email: true } } },
  })
  const more = rows.length > AUDIT_PAGE_SIZE
  const page = rows.slice(0, AUDIT_PAGE_SIZE)
  return {
    entries: page.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      who: e.campaigner?.email ?? '(deleted account)',
      action: e.action,
      details: JSON.stringify(e.details),
    })),
    nextBefore: more ? page[page.length - 1].createdAt.toISOString() : null,
  }
}
