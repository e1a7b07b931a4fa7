// Where supporters come from (decision 106): confirmed signatures and letters by the campaign
// codes they arrived with (utm_source, utm_medium, utm_campaign, partner), per day for the top
// sources, the share that came through a supporter's referral link, and the links that brought
// most. Figures and codes only: nobody's name, address or email is read here.
import { Prisma } from '~/generated/prisma/client'
import { col, sql, type RowOf } from '~/lib/sql.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'
import { csvResponse, datedFileName } from './csv.server'
import { confirmedLetter } from './figures.server'
import { DAYS, DIMENSIONS, type Dimension } from './sources'

export const TOP_SOURCES_PER_DAY = 5
export const TOP_REFERRAL_CODES = 20

/** One code's figures; `value` null = arrived without that code. */
export interface SourceRow {
  value: string | null
  signatures: number
  letters: number
}

export interface SourceFigures {
  totals: { signatures: number; letters: number }
  by: Record<Dimension, SourceRow[]>
  /** The last DAYS UK days, oldest first, for the top sources (null = no utm_source). */
  perDay: { sources: (string | null)[]; days: { day: string; counts: number[]; other: number }[] }
  referral: { signatures: number; share: number | null }
  topReferralCodes: { code: string; signatures: number }[]
}

const groupedRow = { g: col.number, utmSource: col.string.nullable(), utmMedium: col.string.nullable(), utmCampaign: col.string.nullable(), partner: col.string.nullable(), n: col.number }
type GroupedRow = RowOf<typeof groupedRow>

/** Counts by each code on its own, in one scan of the table (GROUPING SETS). */
async function grouped(table: 'Signature' | 'Letter'): Promise<GroupedRow[]> {
  const where = table === 'Signature' ? Prisma.sql`state = 'validated'` : confirmedLetter
  // GROUPING(...) is a bit mask, leftmost argument highest: 0b0111 = grouped by "utmSource" alone, and so on.
  return sql.rows(groupedRow)`
    SELECT GROUPING("utmSource", "utmMedium", "utmCampaign", partner)::int AS g,
           "utmSource", "utmMedium", "utmCampaign", partner, count(*)::int AS n
    FROM ${Prisma.raw(`"${table}"`)} WHERE ${where}
    GROUP BY GROUPING SETS (("utmSource"), ("utmMedium"), ("utmCampaign"), (partner))`
}

const GROUPING_MASK: Record<Dimension, number> = { source: 0b0111, medium: 0b1011, campaign: 0b1101, partner: 0b1110 }

function byDimension(signatures: GroupedRow[], letters: GroupedRow[]): Record<Dimension, SourceRow[]> {
  const by = {} as Record<Dimension, SourceRow[]>
  for (const { key, column } of DIMENSIONS) {
    const rows = new Map<string | null, SourceRow>()
    const row = (value: string | null) => rows.get(value) ?? rows.set(value, { value, signatures: 0, letters: 0 }).get(value)!
    for (const r of signatures) if (r.g === GROUPING_MASK[key]) row(r[column]).signatures += r.n
    for (const r of letters) if (r.g === GROUPING_MASK[key]) row(r[column]).letters += r.n
    // Most signatures first; "no code" (null) last whatever its size, since it is not a source to compare.
    by[key] = [...rows.values()].sort(
      (a, b) => Number(a.value === null) - Number(b.value === null) || b.signatures - a.signatures || b.letters - a.letters || String(a.value).localeCompare(String(b.value)),
    )
  }
  return by
}

async function perDay(sources: (string | null)[]) {
  const rows = await sql.rows({ day: col.string, source: col.string.nullable(), n: col.number })`
    WITH days AS (
      SELECT generate_series(date_trunc('day', now() AT TIME ZONE 'Europe/London') - ${DAYS - 1} * interval '1 day',
                             date_trunc('day', now() AT TIME ZONE 'Europe/London'), interval '1 day') AS day
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, s."utmSource" AS source, count(s.id)::int AS n
    FROM days
    LEFT JOIN "Signature" s ON s.state = 'validated'
      AND s."validatedAt" >= (days.day AT TIME ZONE 'Europe/London') AND s."validatedAt" < ((days.day + interval '1 day') AT TIME ZONE 'Europe/London')
    GROUP BY days.day, s."utmSource"
    ORDER BY days.day`
  const days = new Map<string, { day: string; counts: number[]; other: number }>()
  for (const r of rows) {
    const day = days.get(r.day) ?? days.set(r.day, { day: r.day, counts: sources.map(() => 0), other: 0 }).get(r.day)!
    if (r.n === 0) continue
    const i = sources.indexOf(r.source)
    if (i >= 0) day.counts[i] += r.n
    else day.other += r.n
  }
  return [...days.values()]
}

export async function sourceFigures(): Promise<SourceFigures> {
  const [signatures, letters, [referral], topReferralCodes] = await Promise.all([
    grouped('Signature'),
    grouped('Letter'),
    sql.rows({ total: col.number, referred: col.number })`
      SELECT count(*)::int AS total, count("referredBy")::int AS referred FROM "Signature" WHERE state = 'validated'`,
    sql.rows({ code: col.string, signatures: col.number })`
      SELECT "referredBy" AS code, count(*)::int AS signatures FROM "Signature"
      WHERE state = 'validated' AND "referredBy" IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_REFERRAL_CODES}`,
  ])
  const by = byDimension(signatures, letters)
  const lettersTotal = letters.filter((r) => r.g === GROUPING_MASK.source).reduce((sum, r) => sum + r.n, 0)
  const topSources = by.source.filter((r) => r.signatures > 0).slice(0, TOP_SOURCES_PER_DAY).map((r) => r.value)
  return {
    totals: { signatures: referral.total, letters: lettersTotal },
    by,
    perDay: { sources: topSources, days: await perDay(topSources) },
    referral: { signatures: referral.referred, share: referral.total > 0 ? referral.referred / referral.total : null },
    topReferralCodes,
  }
}

export const SOURCES_EXPORT_HEADER = ['Table', 'Code', 'Day', 'Confirmed signatures', 'Letters confirmed']

/** The page's figures as rows of one CSV: a column says which table each row belongs to. */
export function sourceRows(figures: SourceFigures): unknown[][] {
  const rows: unknown[][] = []
  for (const { key, label } of DIMENSIONS) for (const r of figures.by[key]) rows.push([label, r.value ?? '(none)', null, r.signatures, r.letters])
  for (const d of figures.perDay.days) {
    figures.perDay.sources.forEach((source, i) => rows.push(['Per day by source', source ?? '(none)', d.day, d.counts[i], null]))
    rows.push(['Per day by source', '(other sources)', d.day, d.other, null])
  }
  rows.push(['Signed through a referral link', null, null, figures.referral.signatures, null])
  rows.push(['All confirmed', null, null, figures.totals.signatures, figures.totals.letters])
  for (const r of figures.topReferralCodes) rows.push(['Top referral codes', r.code, null, r.signatures, null])
  return rows
}

export async function exportSources(campaigner: Campaigner): Promise<Response> {
  const fileName = datedFileName('sources')
  await audit(campaigner.id, 'export.sources', { fileName, personalData: false })
  const rows = sourceRows(await sourceFigures())
  return csvResponse(fileName, SOURCES_EXPORT_HEADER, (async function* () {
    yield rows
  })())
}
