// Exports for campaign admins (sent/delivered/bounced come from the Email
// outbox rows of each letter, as on the dashboard). Personal data (confirmed signers) is read with
// keyset pagination — one indexed query per batch, no open transaction or
// cursor held for the length of a slow download — and every export is audited.
import { Prisma } from '~/generated/prisma/client'
import { replica } from '~/lib/db.server'
import { wantsUpdatesSql } from '~/petition/consent.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'
import { csvResponse, datedFileName } from './csv.server'
import { constituencyTable } from './figures.server'
import { col, sql, type RowOf } from '~/lib/sql.server'
import { paperImportState } from '~/lib/sql-enums.server'

export const EXPORT_BATCH_SIZE = 2_000

const signatureExportRow = {
  id: col.string,
  name: col.string,
  email: col.string,
  postcode: col.string,
  constituency: col.string.nullable(),
  nation: col.string.nullable(),
  wantsUpdates: col.boolean,
  validatedAt: col.at,
}

/**
 * Confirmed signatures only (never pending or struck out), oldest confirmation first. "Opted in" means
 * we may email them updates today (ticked, not unsubscribed, not suppressed): staff mailing from the
 * file must not reach anyone who said stop (PECR).
 */
export async function* confirmedSignatureBatches(batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<unknown[][]> {
  let after: { at: Date; id: string } | null = null
  for (;;) {
    const rows: RowOf<typeof signatureExportRow>[] = await sql.rows(signatureExportRow, replica)`
      SELECT s.id, s.name, s.email, s.postcode, c.name AS constituency, coalesce(c.nation, s.nation) AS nation,
             ${wantsUpdatesSql('s')} AS "wantsUpdates", s."validatedAt"
      FROM "Signature" s
      LEFT JOIN "Constituency" c ON c."onsCode" = s."constituencyCode"
      WHERE s.state = 'validated' AND s."validatedAt" IS NOT NULL
        ${after ? Prisma.sql`AND s."validatedAt" >= ${after.at} AND (s."validatedAt", s.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY s."validatedAt", s.id
      LIMIT ${batchSize}`
    if (!rows.length) return
    yield rows.map((r) => [r.name, r.email, r.postcode, r.constituency, r.nation, r.wantsUpdates, r.validatedAt, 'online', null])
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]
    after = { at: last.validatedAt, id: last.id }
  }
}

const paperExportRow = {
  id: col.string,
  name: col.string,
  email: col.string.nullable(),
  postcode: col.string,
  constituency: col.string.nullable(),
  nation: col.string.nullable(),
  wantsUpdates: col.boolean,
  signedOn: col.at,
  event: col.string,
}

/**
 * Paper and event signatures of imports in force (decision 117), after the online ones. "Opted in" as for
 * online signers: they said yes on the form, gave an email, and mail to it is not suppressed.
 */
export async function* paperSignatureBatches(batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<unknown[][]> {
  let after: string | null = null
  for (;;) {
    const rows: RowOf<typeof paperExportRow>[] = await sql.rows(paperExportRow, replica)`
      SELECT p.id::text, p.name, p.email, p.postcode, c.name AS constituency, coalesce(c.nation, p.nation) AS nation,
             (p.consent AND p."emailKey" IS NOT NULL AND p."unsubscribedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailKey" = p."emailKey")) AS "wantsUpdates",
             p."signedOn"::timestamp AS "signedOn", p.event
      FROM "PaperSignature" p
      JOIN "PaperImport" i ON i.id = p."importId" AND i.state = ${paperImportState.imported}
      LEFT JOIN "Constituency" c ON c."onsCode" = p."constituencyCode"
      ${after ? Prisma.sql`WHERE p.id > ${after}::uuid` : Prisma.empty}
      ORDER BY p.id
      LIMIT ${batchSize}`
    if (!rows.length) return
    yield rows.map((r) => [r.name, r.email, r.postcode, r.constituency, r.nation, r.wantsUpdates, r.signedOn.toISOString().slice(0, 10), 'paper', r.event])
    if (rows.length < batchSize) return
    after = rows[rows.length - 1].id
  }
}

async function* allSignatureBatches() {
  yield* confirmedSignatureBatches()
  yield* paperSignatureBatches()
}

/** "Source": online (confirmed by email) or paper (imported from a paper or event form, dated the day they signed). */
export const SIGNATURE_EXPORT_HEADER = ['Name', 'Email', 'Postcode', 'Constituency', 'Nation', 'Opted in to updates', 'Confirmed at (UTC)', 'Source', 'Event']

export async function exportConfirmedSignatures(campaigner: Campaigner): Promise<Response> {
  const fileName = datedFileName('signatures')
  await audit(campaigner.id, 'export.signatures', { fileName, personalData: true })
  return csvResponse(fileName, SIGNATURE_EXPORT_HEADER, allSignatureBatches())
}

async function* once<T>(rows: T[]) {
  yield rows as unknown[][]
}

export async function exportConstituencyCounts(campaigner: Campaigner): Promise<Response> {
  const fileName = datedFileName('constituencies')
  await audit(campaigner.id, 'export.constituencies', { fileName, personalData: false })
  const rows = await constituencyTable()
  return csvResponse(
    fileName,
    ['Constituency', 'ONS code', 'Nation', 'MP', 'Party', 'Confirmed signatures', 'Letters confirmed', 'Calls'],
    once(rows.map((r) => [r.name, r.onsCode, r.nation, r.mp, r.party, r.signatures, r.letters, r.calls])),
  )
}

export async function lettersPerMp() {
  return sql.rows({ mp: col.string, party: col.string, constituency: col.string.nullable(), ons_code: col.string.nullable(), target: col.boolean, confirmed: col.count, sent: col.count, delivered: col.count, bounced: col.count }, replica)`
    WITH sending AS (
      SELECT "letterId",
             bool_or(status IN ('sent', 'delivered', 'delivery_delayed', 'bounced', 'complained')) AS sent,
             bool_or(status = 'delivered') AS delivered,
             bool_or(status = 'bounced') AS bounced
      FROM "Email" WHERE kind = 'letter_to_mp' AND "letterId" IS NOT NULL GROUP BY 1
    )
    SELECT m.name AS mp, m.party, coalesce(c.name, m."constituencyName") AS constituency, c."onsCode" AS ons_code, m."targetEnabled" AS target,
           count(l.id) FILTER (WHERE l."confirmedAt" IS NOT NULL AND l.state <> 'invalidated') AS confirmed,
           count(l.id) FILTER (WHERE sending.sent) AS sent,
           count(l.id) FILTER (WHERE sending.delivered) AS delivered,
           count(l.id) FILTER (WHERE sending.bounced) AS bounced
    FROM "Mp" m
    LEFT JOIN "Constituency" c ON c."onsCode" = m."constituencyCode"
    LEFT JOIN "Letter" l ON l."mpId" = m.id
    LEFT JOIN sending ON sending."letterId" = l.id
    WHERE m.status = 'current'
    GROUP BY m.id, c."onsCode"
    ORDER BY confirmed DESC, m.name`
}

export async function exportLettersPerMp(campaigner: Campaigner): Promise<Response> {
  const fileName = datedFileName('letters-per-mp')
  await audit(campaigner.id, 'export.letters-per-mp', { fileName, personalData: false })
  const rows = await lettersPerMp()
  return csvResponse(
    fileName,
    ['MP', 'Party', 'Constituency', 'ONS code', 'Target switched on', 'Letters confirmed', 'Sent', 'Delivered', 'Bounced'],
    once(rows.map((r) => [r.mp, r.party, r.constituency, r.ons_code, r.target, Number(r.confirmed), Number(r.sent), Number(r.delivered), Number(r.bounced)])),
  )
}
