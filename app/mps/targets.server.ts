// Campaigners' say over the directory: an MP's email can be overridden, and a
// target switched off with a reason (the Speaker, an MP who refuses campaign
// mail). Used by `npm run mps:target` and, later, the admin screens (pass a
// transaction to record an audit entry with the change).
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { email as emailRule } from '~/lib/supporter-fields'

export class TargetError extends Error {
  name = 'TargetError'
}

async function existing(mpId: number, db: Prisma.TransactionClient) {
  const mp = await db.mp.findUnique({ where: { id: mpId } })
  if (!mp) throw new TargetError(`No MP with member id ${mpId} in the directory (run npm run mps:sync first?)`)
  return mp
}

export async function switchTargetOff(mpId: number, reason: string, db: Prisma.TransactionClient = prisma) {
  const why = reason.trim()
  if (!why) throw new TargetError('Give a reason: supporters see it when they look up this MP.')
  await existing(mpId, db)
  return db.mp.update({ where: { id: mpId }, data: { targetEnabled: false, targetDisabledReason: why.slice(0, 500) } })
}

export async function switchTargetOn(mpId: number, db: Prisma.TransactionClient = prisma) {
  await existing(mpId, db)
  return db.mp.update({ where: { id: mpId }, data: { targetEnabled: true, targetDisabledReason: null } })
}

/** Sets (or with null, clears) the address letters go to instead of the synced one. Clears a bounce. */
export async function setEmailOverride(mpId: number, address: string | null, db: Prisma.TransactionClient = prisma) {
  let value: string | null = null
  if (address !== null) {
    const parsed = emailRule.safeParse(address)
    if (!parsed.success) throw new TargetError(`Not an email address: ${address}`)
    value = parsed.data
  }
  await existing(mpId, db)
  return db.mp.update({ where: { id: mpId }, data: { emailOverride: value, emailBouncedAt: null } })
}

/** Current MPs whose name or constituency contains `query` (all of them without one). */
export async function findMps(query = '', db: Prisma.TransactionClient = prisma) {
  const q = query.trim()
  return db.mp.findMany({
    where: {
      status: 'current',
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { constituencyName: { contains: q, mode: 'insensitive' } }] } : {}),
    },
    orderBy: { constituencyName: 'asc' },
  })
}
