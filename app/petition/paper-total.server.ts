// Whether signatures collected on paper or at events count in the public total (decision 118): a
// campaign setting, off until an admin turns it on, read by the count refresh so the total, the
// constituencies and /petition.json's `paper_signatures` all come from one snapshot.
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'

/** The Setting row: `true` adds imported paper signatures to the public total. */
export const PAPER_IN_PUBLIC_TOTAL = 'petition.paperInPublicTotal'

type Db = Prisma.TransactionClient | typeof prisma

export async function paperInPublicTotal(db: Db = prisma): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: PAPER_IN_PUBLIC_TOTAL } })
  return row?.value === true
}

export async function setPaperInPublicTotal(included: boolean, db: Db = prisma) {
  await db.setting.upsert({ where: { key: PAPER_IN_PUBLIC_TOTAL }, create: { key: PAPER_IN_PUBLIC_TOTAL, value: included }, update: { value: included } })
}
