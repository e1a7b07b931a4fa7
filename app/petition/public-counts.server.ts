// What the public sees: /petition.json and the count on the campaign page.
// Served from a short in-process cache so a refresh storm costs one query per few seconds,
// read from the replica (DATABASE_REPLICA_URL) when there is one: a count may lag a moment.
import { replica } from '~/lib/db.server'
import { answerSharedJson, chooseCoding, type JsonAnswer } from '~/lib/encoded-json.server'
import { memoFor } from '~/lib/memo.server'
import { col, sql } from '~/lib/sql.server'
import { letterState, mpStatus } from '~/lib/sql-enums.server'

export interface PetitionJson {
  signature_count: number
  updated_at: string
  signatures_by_constituency: { name: string; ons_code: string; mp: string | null; signature_count: number }[]
  signatures_by_nation: { name: string; signature_count: number }[]
  /** How the count is kept honest (the campaign page's integrity panel shows the same). */
  integrity: {
    /** Every counted signature was confirmed from its signer's mailbox. */
    confirmed_by_email: true
    /** Signatures campaigners struck out as abuse: never counted. */
    struck_out: number
    /** Counted signatures whose postcode placed them in one of the 650 constituencies. */
    placed_in_constituency: number
    /** Counted signatures not placed: postcode not looked up yet, or outside Westminster's constituencies. */
    not_placed: number
  }
  /**
   * Signatures collected on paper or at events and imported by campaigners (never confirmed by email).
   * `included_in_total`: whether `signature_count` and the constituency and nation figures include them
   * (a campaign setting, off by default); `count` is there either way (decision 118).
   */
  paper_signatures: { count: number; included_in_total: boolean }
}

export const PUBLIC_CACHE_MS = 2_000

async function loadPetitionJson(): Promise<PetitionJson> {
  const [count, rows] = await Promise.all([
    replica.petitionCount.findUnique({ where: { id: 1 } }),
    sql.rows({ name: col.string, ons_code: col.string, nation: col.string, mp: col.string.nullable(), signature_count: col.number }, replica)`
      SELECT c.name, c."onsCode" AS ons_code, c.nation, m.name AS mp, cc."signatureCount" AS signature_count
      FROM "ConstituencyCount" cc
      JOIN "Constituency" c ON c."onsCode" = cc."onsCode"
      LEFT JOIN "Mp" m ON m."constituencyCode" = c."onsCode" AND m.status = ${mpStatus.current}
      ORDER BY cc."signatureCount" DESC, c.name`,
  ])
  const nations = new Map<string, number>()
  for (const row of rows) nations.set(row.nation, (nations.get(row.nation) ?? 0) + row.signature_count)
  return {
    signature_count: count?.signatureCount ?? 0,
    updated_at: (count?.updatedAt ?? new Date(0)).toISOString(),
    signatures_by_constituency: rows.map(({ name, ons_code, mp, signature_count }) => ({ name, ons_code, mp, signature_count })),
    signatures_by_nation: [...nations].map(([name, signature_count]) => ({ name, signature_count })).sort((a, b) => b.signature_count - a.signature_count),
    integrity: {
      confirmed_by_email: true,
      struck_out: count?.invalidatedCount ?? 0,
      placed_in_constituency: (count?.signatureCount ?? 0) - (count?.unplacedCount ?? 0),
      not_placed: count?.unplacedCount ?? 0,
    },
    paper_signatures: { count: count?.paperCount ?? 0, included_in_total: count?.paperIncluded ?? false },
  }
}

export const petitionJson = memoFor(PUBLIC_CACHE_MS, loadPetitionJson)

export const PETITION_JSON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  // Lets a CDN absorb refresh storms; the figure is at most a few seconds old anyway.
  'Cache-Control': 'public, max-age=2, s-maxage=5, stale-while-revalidate=30',
}

/**
 * /petition.json's answer for the server's fast path (server/fast-paths.ts, reached through
 * app/entry.server.tsx), which serves GET and HEAD on node:http before Express and React Router
 * (decision 082): the route's cache, bytes and headers. `undefined` when the client only takes
 * an encoding we do not keep ready (deflate): the route answers it. Rejects when the figures
 * cannot be read.
 */
export async function petitionJsonAnswer(request: { acceptEncoding: string | undefined; ifNoneMatch: string | undefined }): Promise<JsonAnswer | undefined> {
  const coding = chooseCoding(request.acceptEncoding)
  if (!coding) return undefined
  return answerSharedJson(await petitionJson(), PETITION_JSON_HEADERS, { ifNoneMatch: request.ifNoneMatch, coding })
}

const milestones = memoFor(10_000, () => replica.milestone.findMany({ orderBy: { threshold: 'asc' } }))

export async function signatureCount() {
  const [json, reached] = await Promise.all([petitionJson(), milestones()])
  return { count: json.signature_count, milestones: reached, integrity: json.integrity }
}

/**
 * Letters to MPs by constituency: confirmed by their writer and not struck out (the
 * dashboard's "Letters confirmed"), for the map and the seat pages.
 */
export const lettersByConstituency = memoFor(PUBLIC_CACHE_MS, async (): Promise<Map<string, number>> => {
  const rows = await sql.rows({ code: col.string, letters: col.count }, replica)`
    SELECT "constituencyCode" AS code, count(*) AS letters FROM "Letter"
    WHERE "confirmedAt" IS NOT NULL AND state <> ${letterState.invalidated} GROUP BY 1`
  return new Map(rows.map((r) => [r.code, Number(r.letters)]))
})
