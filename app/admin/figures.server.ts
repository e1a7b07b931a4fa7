// The dashboard's figures: aggregates only (never a supporter's name, email
// or address), so viewers may see all of them. The confirmed total is the
// public one (/petition.json), so campaigners and journalists quote one number.
import { Prisma } from '~/generated/prisma/client'
import { replica } from '~/lib/db.server'
import { memoFor } from '~/lib/memo.server'
import { milestoneProgress } from '~/petition/milestones'
import { petitionJson } from '~/petition/public-counts.server'
import { col, sql } from '~/lib/sql.server'
import { emailStatus, letterState, mpStatus, signatureState } from '~/lib/sql-enums.server'

export const TOTAL_CONSTITUENCIES = 650
export const HOURS_SHOWN = 48
/** A letter counts as personalised when at least this share of it is the writer's own words. */
export const PERSONALISED_FROM = 0.1
const TOP_CONSTITUENCIES = 10

export interface SeriesPoint {
  /** ISO start of the hour or day (days are UK days). */
  at: string
  signatures: number
  letters: number
  /** "I called" presses (decision 113). */
  calls: number
}

export interface DashboardFigures {
  updatedAt: string
  /** Online signatures: `confirmed` by email, whatever the paper setting. */
  signatures: { confirmed: number; pending: number; confirmationRate: number | null; optInRate: number | null }
  /** Signatures imported from paper and event forms (decision 117), and the public total with or without them. */
  paper: { count: number; includedInPublicTotal: boolean; publicTotal: number }
  letters: {
    confirmed: number
    sent: number
    delivered: number
    bounced: number
    personalisationRate: number | null
    averageOwnWords: number | null
    mpsWrittenTo: number
    mpsTotal: number
  }
  perHour: SeriesPoint[]
  perDay: SeriesPoint[]
  byNation: { name: string; signatures: number }[]
  topConstituencies: { onsCode: string; name: string; mp: string | null; signatures: number; letters: number }[]
  /** Calls supporters said they made to their MP, and the seats with most of them. */
  calls: { total: number; mpsCalled: number; topSeats: { onsCode: string; name: string; mp: string | null; calls: number; letters: number }[] }
  milestones: {
    progress: ReturnType<typeof milestoneProgress>
    list: { threshold: number; reachedAt: string | null }[]
  }
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/** Letters the writer confirmed and nobody struck out. */
export const confirmedLetter = Prisma.sql`"confirmedAt" IS NOT NULL AND state <> ${letterState.invalidated}`

const seriesRow = { at: col.at, signatures: col.count, letters: col.count, calls: col.count }

/**
 * Per UK day since launch (timestamps are stored in UTC). It reads every
 * confirmation (an index-only scan: ~90 ms at 200k rows here), and past days
 * do not change, so it is remembered for a minute rather than a few seconds.
 */
const dailySeries = memoFor(60_000, () =>
  sql.rows(seriesRow, replica)`
      WITH s AS (
        SELECT date_trunc('day', ("validatedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London') AS day, count(*) AS n
        FROM "Signature" WHERE state = ${signatureState.validated} GROUP BY 1
      ),
      l AS (
        SELECT date_trunc('day', ("confirmedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London') AS day, count(*) AS n
        FROM "Letter" WHERE ${confirmedLetter} GROUP BY 1
      ),
      c AS (
        SELECT date_trunc('day', ("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London') AS day, count(*) AS n
        FROM "Call" WHERE "strikeOutId" IS NULL GROUP BY 1
      ),
      bounds AS (SELECT least((SELECT min(day) FROM s), (SELECT min(day) FROM l), (SELECT min(day) FROM c)) AS first),
      days AS (
        SELECT generate_series(coalesce((SELECT first FROM bounds), date_trunc('day', now() AT TIME ZONE 'Europe/London')),
                               date_trunc('day', now() AT TIME ZONE 'Europe/London'), interval '1 day') AS day
      )
      SELECT (days.day AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC' AS at, coalesce(s.n, 0) AS signatures, coalesce(l.n, 0) AS letters,
             coalesce(c.n, 0) AS calls
      FROM days LEFT JOIN s ON s.day = days.day LEFT JOIN l ON l.day = days.day LEFT JOIN c ON c.day = days.day ORDER BY days.day`,
)

async function loadFigures(): Promise<DashboardFigures> {
  const [publicJson, count, optIn, letters, emails, perHour, perDay, milestones, calls, topCallSeats] = await Promise.all([
    petitionJson(),
    replica.petitionCount.findUnique({ where: { id: 1 } }),
    sql.rows({ opted_in: col.count, validated: col.count }, replica)`
      SELECT count(*) FILTER (WHERE "optIn") AS opted_in, count(*) AS validated
      FROM "Signature" WHERE state = ${signatureState.validated}`,
    sql.rows({ confirmed: col.count, personalised: col.count, average: col.number.nullable(), mps: col.count }, replica)`
      SELECT count(*) AS confirmed,
             count(*) FILTER (WHERE personalisation >= ${PERSONALISED_FROM}) AS personalised,
             avg(personalisation)::float8 AS average,
             count(DISTINCT "mpId") AS mps
      FROM "Letter" WHERE ${confirmedLetter}`,
    sql.rows({ sent: col.count, delivered: col.count, bounced: col.count }, replica)`
      SELECT count(DISTINCT "letterId") FILTER (WHERE status IN (${emailStatus.sent}, ${emailStatus.delivered}, ${emailStatus.delivery_delayed}, ${emailStatus.bounced}, ${emailStatus.complained})) AS sent,
             count(DISTINCT "letterId") FILTER (WHERE status = ${emailStatus.delivered}) AS delivered,
             count(DISTINCT "letterId") FILTER (WHERE status = ${emailStatus.bounced}) AS bounced
      FROM "Email" WHERE kind = 'letter_to_mp' AND "letterId" IS NOT NULL`,
    sql.rows(seriesRow, replica)`
      WITH hours AS (
        SELECT generate_series(date_trunc('hour', now() AT TIME ZONE 'UTC') - make_interval(hours => ${HOURS_SHOWN - 1}),
                               date_trunc('hour', now() AT TIME ZONE 'UTC'), interval '1 hour') AS at
      ),
      s AS (
        SELECT date_trunc('hour', "validatedAt") AS at, count(*) AS n FROM "Signature"
        WHERE state = ${signatureState.validated} AND "validatedAt" >= (SELECT min(at) FROM hours) GROUP BY 1
      ),
      l AS (
        SELECT date_trunc('hour', "confirmedAt") AS at, count(*) AS n FROM "Letter"
        WHERE "confirmedAt" >= (SELECT min(at) FROM hours) AND state <> ${letterState.invalidated} GROUP BY 1
      ),
      c AS (
        SELECT date_trunc('hour', "createdAt") AS at, count(*) AS n FROM "Call" WHERE "strikeOutId" IS NULL AND "createdAt" >= (SELECT min(at) FROM hours) GROUP BY 1
      )
      SELECT hours.at, coalesce(s.n, 0) AS signatures, coalesce(l.n, 0) AS letters, coalesce(c.n, 0) AS calls
      FROM hours LEFT JOIN s ON s.at = hours.at LEFT JOIN l ON l.at = hours.at LEFT JOIN c ON c.at = hours.at ORDER BY hours.at`,
    dailySeries(),
    replica.milestone.findMany({ orderBy: { threshold: 'asc' } }),
    sql.rows({ total: col.count, mps: col.count }, replica)`SELECT count(*) AS total, count(DISTINCT "mpId") AS mps FROM "Call" WHERE "strikeOutId" IS NULL`,
    sql.rows({ ons_code: col.string, name: col.string, mp: col.string.nullable(), calls: col.count, letters: col.count }, replica)`
      SELECT c."onsCode" AS ons_code, c.name, m.name AS mp, k.n AS calls,
             (SELECT count(*) FROM "Letter" WHERE ${confirmedLetter} AND "constituencyCode" = c."onsCode") AS letters
      FROM (SELECT "constituencyCode", count(*) AS n FROM "Call" WHERE "strikeOutId" IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_CONSTITUENCIES}) k
      JOIN "Constituency" c ON c."onsCode" = k."constituencyCode"
      LEFT JOIN "Mp" m ON m."constituencyCode" = c."onsCode" AND m.status = ${mpStatus.current}
      ORDER BY k.n DESC, c.name`,
  ])

  const top = publicJson.signatures_by_constituency.slice(0, TOP_CONSTITUENCIES)
  const lettersByCode = top.length
    ? await sql.rows({ code: col.string, n: col.count }, replica)`
        SELECT "constituencyCode" AS code, count(*) AS n FROM "Letter"
        WHERE ${confirmedLetter} AND "constituencyCode" = ANY(${top.map((c) => c.ons_code)}) GROUP BY 1`
    : []
  const lettersIn = new Map(lettersByCode.map((r) => [r.code, Number(r.n)]))

  const paper = publicJson.paper_signatures
  const confirmed = publicJson.signature_count - (paper.included_in_total ? paper.count : 0)
  const pending = count?.pendingCount ?? 0
  const [o] = optIn
  const [l] = letters
  const [e] = emails
  const toPoint = (r: { at: Date; signatures: bigint; letters: bigint; calls: bigint }): SeriesPoint => ({
    at: new Date(r.at).toISOString(),
    signatures: Number(r.signatures),
    letters: Number(r.letters),
    calls: Number(r.calls),
  })
  return {
    updatedAt: publicJson.updated_at,
    signatures: {
      confirmed,
      pending,
      confirmationRate: rate(confirmed, confirmed + pending),
      optInRate: rate(Number(o.opted_in), Number(o.validated)),
    },
    paper: { count: paper.count, includedInPublicTotal: paper.included_in_total, publicTotal: publicJson.signature_count },
    letters: {
      confirmed: Number(l.confirmed),
      sent: Number(e.sent),
      delivered: Number(e.delivered),
      bounced: Number(e.bounced),
      personalisationRate: rate(Number(l.personalised), Number(l.confirmed)),
      averageOwnWords: l.average,
      mpsWrittenTo: Number(l.mps),
      mpsTotal: TOTAL_CONSTITUENCIES,
    },
    perHour: perHour.map(toPoint),
    perDay: perDay.map(toPoint),
    byNation: publicJson.signatures_by_nation.map((n) => ({ name: n.name, signatures: n.signature_count })),
    topConstituencies: top.map((c) => ({ onsCode: c.ons_code, name: c.name, mp: c.mp, signatures: c.signature_count, letters: lettersIn.get(c.ons_code) ?? 0 })),
    calls: {
      total: Number(calls[0].total),
      mpsCalled: Number(calls[0].mps),
      topSeats: topCallSeats.map((r) => ({ onsCode: r.ons_code, name: r.name, mp: r.mp, calls: Number(r.calls), letters: Number(r.letters) })),
    },
    milestones: {
      progress: milestoneProgress(publicJson.signature_count, milestones.map((m) => m.threshold)),
      list: milestones.map((m) => ({ threshold: m.threshold, reachedAt: m.reachedAt?.toISOString() ?? null })),
    },
  }
}

/** Any number of open dashboards cost one set of queries per few seconds per process. */
export const dashboardFigures = memoFor(5_000, loadFigures)

export interface ConstituencyRow {
  /** Null for a seat known only from the MP directory (no supporter there has been located yet). */
  onsCode: string | null
  name: string
  nation: string | null
  mp: string | null
  party: string | null
  signatures: number
  letters: number
  /** "I called" presses for the seat's MP. */
  calls: number
}

/**
 * Every constituency (650 once the MP directory is synced), optionally filtered
 * by name, MP or code. Seats are known from postcodes.io (Constituency) or,
 * before anyone there has signed, only from the MP directory (Mp.constituencyName).
 */
export async function constituencyTable(search?: string): Promise<ConstituencyRow[]> {
  const q = search?.trim().slice(0, 100)
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const rows = await sql.rows({ ons_code: col.string.nullable(), name: col.string, nation: col.string.nullable(), mp: col.string.nullable(), party: col.string.nullable(), signatures: col.number.nullable(), letters: col.count.nullable(), calls: col.count.nullable() }, replica)`
    SELECT * FROM (
      SELECT c."onsCode" AS ons_code, c.name, c.nation, m.name AS mp, m.party, cc."signatureCount" AS signatures, l.n AS letters, k.n AS calls
      FROM "Constituency" c
      LEFT JOIN "ConstituencyCount" cc ON cc."onsCode" = c."onsCode"
      LEFT JOIN "Mp" m ON m."constituencyCode" = c."onsCode" AND m.status = ${mpStatus.current}
      LEFT JOIN (SELECT "constituencyCode", count(*) AS n FROM "Letter" WHERE ${confirmedLetter} GROUP BY 1) l ON l."constituencyCode" = c."onsCode"
      LEFT JOIN (SELECT "constituencyCode", count(*) AS n FROM "Call" WHERE "strikeOutId" IS NULL GROUP BY 1) k ON k."constituencyCode" = c."onsCode"
      UNION ALL
      SELECT NULL, m."constituencyName", NULL, m.name, m.party, NULL, NULL, NULL
      FROM "Mp" m
      WHERE m.status = ${mpStatus.current} AND m."constituencyCode" IS NULL AND m."constituencyName" IS NOT NULL
    ) seats
    WHERE ${pattern === null ? Prisma.sql`true` : Prisma.sql`(name ILIKE ${pattern} OR mp ILIKE ${pattern} OR ons_code ILIKE ${pattern})`}
    ORDER BY coalesce(signatures, 0) DESC, name`
  return rows.map((r) => ({
    onsCode: r.ons_code,
    name: r.name,
    nation: r.nation,
    mp: r.mp,
    party: r.party,
    signatures: r.signatures ?? 0,
    letters: Number(r.letters ?? 0),
    calls: Number(r.calls ?? 0),
  }))
}
