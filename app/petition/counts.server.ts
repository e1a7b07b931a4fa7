// The count is recomputed from the signatures themselves every few seconds by
// the worker, never incremented per signature: no hot row to fight over.
import { defaultMilestones } from '~/campaign/content'
import { prisma } from '~/lib/db.server'
import { col, sql } from '~/lib/sql.server'
import { paperImportState, signatureState } from '~/lib/sql-enums.server'
import { paperInPublicTotal } from './paper-total.server'

export async function refreshCounts(): Promise<{ total: number; pending: number }> {
  return prisma.$transaction(async (tx) => {
    const byConstituency = await sql.rows({ code: col.string.nullable(), count: col.count }, tx)`
      SELECT "constituencyCode" AS code, count(*) AS count FROM "Signature"
      WHERE state = ${signatureState.validated} GROUP BY "constituencyCode"`
    const [{ pending, invalidated }] = await sql.rows({ pending: col.count, invalidated: col.count }, tx)`
      SELECT count(*) FILTER (WHERE state = ${signatureState.pending}) AS pending, count(*) FILTER (WHERE state = ${signatureState.invalidated}) AS invalidated
      FROM "Signature" WHERE state IN (${signatureState.pending}, ${signatureState.invalidated})`
    // Paper and event signatures of imports in force: counted apart, added to the public figures only when the
    // campaign setting says so (decision 118).
    const paperByConstituency = await sql.rows({ code: col.string.nullable(), count: col.count }, tx)`
      SELECT p."constituencyCode" AS code, count(*) AS count FROM "PaperSignature" p
      JOIN "PaperImport" i ON i.id = p."importId" AND i.state = ${paperImportState.imported}
      GROUP BY p."constituencyCode"`
    const paperCount = paperByConstituency.reduce((sum, r) => sum + Number(r.count), 0)
    const paperIncluded = await paperInPublicTotal(tx)
    if (paperIncluded) {
      for (const paper of paperByConstituency) {
        const online = byConstituency.find((r) => r.code === paper.code)
        if (online) online.count += paper.count
        else byConstituency.push({ ...paper })
      }
    }
    const total = byConstituency.reduce((sum, r) => sum + Number(r.count), 0)
    // For the public integrity panel: struck out, and counted but not placed in a seat (same snapshot as the total).
    const integrity = {
      invalidatedCount: Number(invalidated),
      unplacedCount: Number(byConstituency.find((r) => r.code === null)?.count ?? 0),
      paperCount,
      paperIncluded,
    }
    const located = byConstituency.filter((r) => r.code !== null)
    await tx.$executeRaw`DELETE FROM "ConstituencyCount" WHERE NOT ("onsCode" = ANY(${located.map((r) => r.code!)}))`
    if (located.length) {
      await tx.$executeRaw`
        INSERT INTO "ConstituencyCount" ("onsCode", "signatureCount", "updatedAt")
        SELECT * FROM unnest(${located.map((r) => r.code!)}::text[], ${located.map((r) => Number(r.count))}::int[], array_fill(now(), ARRAY[${located.length}::int]))
        ON CONFLICT ("onsCode") DO UPDATE SET "signatureCount" = EXCLUDED."signatureCount", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "ConstituencyCount"."signatureCount" <> EXCLUDED."signatureCount"`
    }
    await tx.petitionCount.upsert({
      where: { id: 1 },
      create: { id: 1, signatureCount: total, pendingCount: Number(pending), ...integrity, updatedAt: new Date() },
      update: { signatureCount: total, pendingCount: Number(pending), ...integrity, updatedAt: new Date() },
    })
    await tx.milestone.updateMany({ where: { threshold: { lte: total }, reachedAt: null }, data: { reachedAt: new Date() } })
    return { total, pending: Number(pending) }
  })
}

export async function ensureMilestones() {
  const existing = await prisma.milestone.count()
  if (!existing) await prisma.milestone.createMany({ data: defaultMilestones.map((threshold) => ({ threshold })) })
}
