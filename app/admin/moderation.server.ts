// Abuse response: find signatures or letters by who, where and when; strike
// out what matches (after seeing how many), and put it back if that was wrong.
// Struck-out signatures stop counting at once (the counts are recomputed).
import net from 'node:net'
import { z } from 'zod'
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { emailDomain, mailboxKey } from '~/lib/mailbox-key'
import { networkKey } from '~/lib/network'
import { isUnderRegistrableDomain, registrableDomain } from '~/lib/registrable-domain'
import { refreshCounts } from '~/petition/counts.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'
import { col, sql } from '~/lib/sql.server'

export const SAMPLE_SIZE = 50
/** Letters struck out in one go at most (their ids are kept on the Invalidation to undo it). */
export const MAX_LETTERS_PER_INVALIDATION = 10_000

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(z.string().max(max, `Use ${max} characters or fewer`).optional())

/** "2026-11-28T14:30" from a datetime-local field, read as UK time. */
const localTime = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined)
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Enter a date and time, like 2026-11-28 14:30').optional())

export const criteriaSchema = z
  .object({
    target: z.enum(['signatures', 'letters']).default('signatures'),
    email: optionalText(254).pipe(z.string().email('Enter a full email address, like name@example.org').optional()),
    domain: optionalText(253)
      .transform((v) => v?.replace(/^@/, '').toLowerCase())
      .pipe(
        z
          .string()
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Enter a domain, like example.org')
          .refine(isUnderRegistrableDomain, 'That is an ending many organisations share (like co.uk): enter a domain, like example.co.uk')
          .optional(),
      ),
    postcode: optionalText(10).transform((v) => v?.toUpperCase().replace(/\s+/g, '')),
    name: optionalText(100),
    ip: optionalText(50).refine((v) => v === undefined || parseIpOrRange(v) !== null, 'Enter an IP address like 203.0.113.7, or a range like 203.0.113.0/24'),
    from: localTime,
    to: localTime,
  })
  .refine((c) => c.email || c.domain || c.postcode || c.name || c.ip || c.from || c.to, {
    path: ['email'],
    message: 'Fill in at least one thing to search for',
  })

export type Criteria = z.output<typeof criteriaSchema>

export function parseIpOrRange(value: string): { address: string; prefix: number | null } | null {
  const [address, prefixText, ...rest] = value.split('/')
  if (rest.length || address.includes('%')) return null
  const family = net.isIP(address)
  if (!family) return null
  if (prefixText === undefined) return { address, prefix: null }
  if (!/^\d{1,3}$/.test(prefixText)) return null
  const prefix = Number(prefixText)
  if (prefix > (family === 4 ? 32 : 128)) return null
  return { address, prefix }
}

/** One IPv6 connection controls a whole /64: searching an address or a narrower range searches that /64. */
const IPV6_NETWORK_PREFIX = 64

/** What an IP search looks for: an IPv4 address exactly, or a range (an IPv6 address becomes its /64). */
export function ipSearch(value: string): { address: string } | { range: string } | null {
  const parsed = parseIpOrRange(value)
  if (!parsed) return null
  const mapped = parsed.address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/)
  if (mapped) {
    const prefix = parsed.prefix === null ? null : parsed.prefix - 96
    if (prefix !== null && prefix < 0) return { range: `${parsed.address}/${prefix + 96}` }
    return prefix === null || prefix === 32 ? { address: mapped[1] } : { range: `${mapped[1]}/${prefix}` }
  }
  if (net.isIPv4(parsed.address)) {
    return parsed.prefix === null || parsed.prefix === 32 ? { address: parsed.address } : { range: `${parsed.address}/${parsed.prefix}` }
  }
  if (parsed.prefix !== null && parsed.prefix <= IPV6_NETWORK_PREFIX) return { range: `${parsed.address}/${parsed.prefix}` }
  return { range: networkKey(parsed.address) }
}

/** The stored address as an inet (an IPv4-mapped one as IPv4), or NULL for anything that is not an address. */
const STORED_INET = Prisma.sql`(CASE WHEN pg_input_is_valid(regexp_replace("ipAddress", '^::ffff:', ''), 'inet')
  THEN regexp_replace("ipAddress", '^::ffff:', '')::inet END)`

/** Escapes LIKE's wildcards so search text is matched as text. */
function likeText(text: string) {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/** The WHERE clause for a table ("Signature" or "Letter"), all values bound as parameters. */
function whereClause(c: Criteria): Prisma.Sql {
  const parts: Prisma.Sql[] = []
  if (c.email) parts.push(Prisma.sql`"emailKey" = ${mailboxKey(c.email)}`)
  // The domain and every subdomain: a catch-all owner's x1.evil.co.uk is found by evil.co.uk.
  if (c.domain) parts.push(Prisma.sql`("emailKey" LIKE ${`%@${likeText(c.domain)}`} OR "emailKey" LIKE ${`%@%.${likeText(c.domain)}`})`)
  if (c.postcode) parts.push(Prisma.sql`upper(replace(postcode, ' ', '')) LIKE ${`${c.postcode.replace(/[\\%_]/g, '')}%`}`)
  if (c.name) parts.push(Prisma.sql`name ILIKE ${`%${likeText(c.name)}%`}`)
  if (c.ip) {
    const ip = ipSearch(c.ip)!
    if ('address' in ip) {
      parts.push(Prisma.sql`("ipAddress" = ${ip.address} OR "ipAddress" = ${`::ffff:${ip.address}`})`)
    } else {
      // Addresses are stored as text; anything that is not an address never matches a range.
      parts.push(Prisma.sql`coalesce(${STORED_INET} <<= ${ip.range}::inet, false)`)
    }
  }
  if (c.from) parts.push(Prisma.sql`"createdAt" >= (${c.from}::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC'`)
  if (c.to) parts.push(Prisma.sql`"createdAt" < (${c.to}::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC'`)
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`false`
}

/** A full postcode's district (SW1A 1AA → SW1A); a partial one cut to its sector at most. */
function postcodeArea(postcode: string): string {
  if (/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(postcode)) return postcode.slice(0, -3)
  return postcode.replace(/^([A-Z]{1,2}\d[A-Z\d]?\d)[A-Z]$/, '$1')
}

/** An IPv4 address's /24 or an IPv6 address's /64; a wider range as it was typed. */
function recordedNetwork(value: string): string {
  const parsed = parseIpOrRange(value)
  if (!parsed) return '(not kept)'
  if (net.isIPv4(parsed.address)) {
    if (parsed.prefix !== null && parsed.prefix <= 24) return value
    return `${parsed.address.split('.').slice(0, 3).join('.')}.0/24`
  }
  if (parsed.prefix !== null && parsed.prefix <= IPV6_NETWORK_PREFIX) return value
  return networkKey(parsed.address)
}

/**
 * What an invalidation and its audit entry keep of the search: never a
 * supporter's address, name, full postcode or IP, so erasure and
 * anonymisation leave nothing in them (decision 058). Which rows were struck
 * out is recorded on the rows themselves (Signature.invalidationId, the
 * letter ids), so undoing never needs the search again.
 */
export function recordedCriteria(c: Criteria): Record<string, string> {
  const kept: Record<string, string | undefined> = {
    target: c.target,
    email: c.email && `an address at ${emailDomain(c.email)}`,
    domain: c.domain,
    postcode: c.postcode && postcodeArea(c.postcode),
    name: c.name && '(not kept)',
    ip: c.ip && recordedNetwork(c.ip),
    from: c.from,
    to: c.to,
  }
  return Object.fromEntries(Object.entries(kept).filter((entry): entry is [string, string] => entry[1] !== undefined))
}

export interface MatchRow {
  id: string
  name: string
  email: string
  postcode: string
  ipAddress: string | null
  state: string
  createdAt: string
}

export interface SearchResult {
  target: Criteria['target']
  /** How many match, by state. */
  byState: Record<string, number>
  total: number
  /** How many a strike-out would change now. */
  invalidatable: number
  sample: MatchRow[]
  /** The range an IP search looked in, when it was not the address typed (an IPv6 address's /64). */
  ipRange: string | null
}

const INVALIDATABLE = {
  signatures: Prisma.sql`state IN ('pending', 'validated')`,
  // Letters already on their way cannot be called back.
  letters: Prisma.sql`state IN ('pending', 'confirmed')`,
}

function table(target: Criteria['target']) {
  return target === 'signatures' ? Prisma.sql`"Signature"` : Prisma.sql`"Letter"`
}

export async function searchMatches(c: Criteria): Promise<SearchResult> {
  const where = whereClause(c)
  const [counts, sample] = await Promise.all([
    sql.rows({ state: col.string, n: col.count })`SELECT state::text, count(*) AS n FROM ${table(c.target)} WHERE ${where} GROUP BY 1`,
    sql.rows({ id: col.string, name: col.string, email: col.string, postcode: col.string, ipAddress: col.string.nullable(), state: col.string, createdAt: col.at })`
      SELECT id::text, name, email, postcode, "ipAddress", state::text, "createdAt" FROM ${table(c.target)}
      WHERE ${where} ORDER BY "createdAt" DESC LIMIT ${SAMPLE_SIZE}`,
  ])
  const byState = Object.fromEntries(counts.map((r) => [r.state, Number(r.n)]))
  const invalidatable = c.target === 'signatures' ? (byState.pending ?? 0) + (byState.validated ?? 0) : (byState.pending ?? 0) + (byState.confirmed ?? 0)
  return {
    target: c.target,
    byState,
    total: Object.values(byState).reduce((a, b) => a + b, 0),
    invalidatable,
    sample: sample.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    ipRange: searchedRange(c),
  }
}

function searchedRange(c: Criteria): string | null {
  const ip = c.ip ? ipSearch(c.ip) : null
  return ip && 'range' in ip && ip.range !== c.ip ? ip.range : null
}

/**
 * The reason outlives supporters' data, so what it quotes of them is cut down as the criteria are:
 * an email address to its domain, an IP address to its /24 or /64. (Reasons are at most 500 characters.)
 */
export function recordedReason(reason: string): string {
  return reason
    .replace(/[^\s@]+@([^\s@]+)/g, '…@$1')
    .replace(/[0-9A-Fa-f:.]*[0-9A-Fa-f]/g, (token) => (net.isIP(token) ? recordedNetwork(token) : token))
}

export type InvalidateOutcome =
  | { status: 'done'; invalidationId: string; count: number }
  | { status: 'changed'; count: number }
  | { status: 'too-many'; count: number }
  | { status: 'nothing' }

/**
 * Strikes out what matches, if it is still what the campaigner previewed
 * (`expected`); otherwise says how many match now, and changes nothing.
 */
export async function invalidateMatches(
  campaigner: Campaigner,
  c: Criteria,
  reason: string,
  expected: number,
): Promise<InvalidateOutcome> {
  const where = whereClause(c)
  const outcome = await prisma.$transaction(async (tx): Promise<InvalidateOutcome> => {
    if (c.target === 'signatures') {
      const [{ n }] = await sql.rows({ n: col.count }, tx)`
        SELECT count(*) AS n FROM "Signature" WHERE ${where} AND ${INVALIDATABLE.signatures}`
      const count = Number(n)
      if (count === 0) return { status: 'nothing' }
      if (count !== expected) return { status: 'changed', count }
      const invalidation = await tx.invalidation.create({
        data: { criteria: recordedCriteria(c), reason: recordedReason(reason), count, createdById: campaigner.id },
      })
      const changed = await tx.$executeRaw`
        UPDATE "Signature" SET state = 'invalidated', "invalidatedAt" = now(), "invalidationId" = ${invalidation.id}::uuid
        WHERE ${where} AND ${INVALIDATABLE.signatures}`
      if (changed !== count) await tx.invalidation.update({ where: { id: invalidation.id }, data: { count: changed } })
      await audit(campaigner.id, 'signatures.invalidate', { invalidationId: invalidation.id, criteria: recordedCriteria(c), reason: recordedReason(reason), count: changed }, tx)
      return { status: 'done', invalidationId: invalidation.id, count: changed }
    }

    const letters = await sql.rows({ id: col.string, state: col.string }, tx)`
      SELECT id::text, state::text FROM "Letter" WHERE ${where} AND ${INVALIDATABLE.letters}
      ORDER BY id LIMIT ${MAX_LETTERS_PER_INVALIDATION + 1} FOR UPDATE`
    if (letters.length === 0) return { status: 'nothing' }
    if (letters.length > MAX_LETTERS_PER_INVALIDATION) return { status: 'too-many', count: letters.length }
    if (letters.length !== expected) return { status: 'changed', count: letters.length }
    const ids = letters.map((l) => l.id)
    const invalidation = await tx.invalidation.create({
      data: {
        criteria: { ...recordedCriteria(c), letters } as Prisma.InputJsonValue,
        reason: recordedReason(reason),
        count: letters.length,
        createdById: campaigner.id,
      },
    })
    await tx.$executeRaw`UPDATE "Letter" SET state = 'invalidated' WHERE id = ANY(${ids}::uuid[])`
    // Their emails to MPs that have not left yet never will (unless this is undone: they keep its id).
    await tx.$executeRaw`
      UPDATE "Email" SET status = 'failed', "invalidationId" = ${invalidation.id}::uuid, "updatedAt" = now()
      WHERE "letterId" = ANY(${ids}::uuid[]) AND status = 'queued'`
    await audit(campaigner.id, 'letters.invalidate', { invalidationId: invalidation.id, criteria: recordedCriteria(c), reason: recordedReason(reason), count: letters.length }, tx)
    return { status: 'done', invalidationId: invalidation.id, count: letters.length }
  })
  if (outcome.status === 'done' && c.target === 'signatures') await refreshCounts()
  return outcome
}

/** Puts struck-out signatures or letters back as they were. */
export async function revertInvalidation(campaigner: Campaigner, invalidationId: string): Promise<'reverted' | 'not-found'> {
  const outcome = await prisma.$transaction(async (tx) => {
    const [invalidation] = await sql.rows({ id: col.string, criteria: col.jsonOf<Prisma.JsonObject>(), revertedAt: col.at.nullable() }, tx)`
      SELECT id, criteria, "revertedAt" FROM "Invalidation" WHERE id = ${invalidationId}::uuid FOR UPDATE`
    if (!invalidation || invalidation.revertedAt) return null
    let restored: number
    if (invalidation.criteria.target === 'letters') {
      const letters = (invalidation.criteria.letters ?? []) as { id: string; state: string }[]
      restored = 0
      for (const state of ['pending', 'confirmed'] as const) {
        const ids = letters.filter((l) => l.state === state).map((l) => l.id)
        if (ids.length) {
          restored += await tx.$executeRaw`
            UPDATE "Letter" SET state = ${state}::"LetterState" WHERE id = ANY(${ids}::uuid[]) AND state = 'invalidated'`
        }
      }
      // Back in the queue as they were: due at their own time, or (already offered to Resend) retried now.
      await tx.$executeRaw`
        UPDATE "Email" SET status = 'queued', "invalidationId" = NULL, "updatedAt" = now(),
          "retryAt" = CASE WHEN "idempotencyKey" IS NOT NULL THEN now() END
        WHERE "invalidationId" = ${invalidation.id}::uuid AND status = 'failed'`
    } else {
      restored = await tx.$executeRaw`
        UPDATE "Signature"
        SET state = CASE WHEN "validatedAt" IS NULL THEN 'pending'::"SignatureState" ELSE 'validated'::"SignatureState" END,
            "invalidatedAt" = NULL, "invalidationId" = NULL
        WHERE "invalidationId" = ${invalidation.id}::uuid`
    }
    await tx.invalidation.update({ where: { id: invalidation.id }, data: { revertedAt: new Date() } })
    await audit(campaigner.id, 'invalidation.revert', { invalidationId: invalidation.id, restored }, tx)
    return invalidation.criteria.target
  })
  if (outcome === null) return 'not-found'
  if (outcome !== 'letters') await refreshCounts()
  return 'reverted'
}

/** The order a search's parts are listed in (jsonb keeps its own key order). */
const CRITERIA_ORDER = ['email', 'domain', 'postcode', 'name', 'ip', 'from', 'to'] as const

export async function recentInvalidations(limit = 20) {
  const rows = await prisma.invalidation.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    include: { createdBy: { select: { email: true } } },
  })
  return rows.map((r) => {
    const { letters: _letters, ...criteria } = r.criteria as Record<string, unknown>
    return {
      id: r.id,
      target: (criteria.target as string) ?? 'signatures',
      criteria: CRITERIA_ORDER.filter((k) => criteria[k] !== undefined && criteria[k] !== null)
        .map((k) => `${k}: ${String(criteria[k])}`)
        .join(', '),
      reason: r.reason,
      count: r.count,
      by: r.createdBy.email,
      at: r.createdAt.toISOString(),
      revertedAt: r.revertedAt?.toISOString() ?? null,
    }
  })
}

/** Trending thresholds: what "unusual" means in the last hour. */
export const TRENDING = {
  /** An IP with at least this many signatures in the last hour. */
  ipMin: 5,
  /** A domain with at least this many in the last hour… */
  domainMin: 10,
  /** …and this many times its hourly average over the 24 hours before. */
  domainRatio: 3,
}

/** An address's network as the limits count it: an IPv6 address's /64, an IPv4 address itself; other text as it is. */
const STORED_NETWORK = Prisma.sql`(CASE WHEN family(${STORED_INET}) = 6
  THEN host(network(set_masklen(${STORED_INET}, ${Prisma.raw(String(IPV6_NETWORK_PREFIX))}))) || ${`/${IPV6_NETWORK_PREFIX}`}
  ELSE coalesce(host(${STORED_INET}), "ipAddress") END)`

/** The part of the key after the @ (anonymised rows have none). */
const KEY_DOMAIN = Prisma.sql`split_part("emailKey", '@', 2)`

/** Adds up counts by full domain into counts by registrable domain. */
function byRegistrableDomain(rows: { domain: string; n: bigint | number }[]) {
  const totals = new Map<string, number>()
  for (const row of rows) {
    const domain = registrableDomain(row.domain)
    totals.set(domain, (totals.get(domain) ?? 0) + Number(row.n))
  }
  return totals
}

/**
 * What is unusually busy in the last hour: networks (an IPv6 /64 is one
 * connection) and registrable email domains (a catch-all owner's made-up
 * subdomains add up to one domain).
 */
export async function trending() {
  const [ips, recentDomains] = await Promise.all([
    sql.rows({ network: col.string, n: col.count, validated: col.count })`
      SELECT ${STORED_NETWORK} AS network, count(*) AS n, count(*) FILTER (WHERE state = 'validated') AS validated
      FROM "Signature" WHERE "createdAt" >= now() AT TIME ZONE 'UTC' - interval '1 hour' AND "ipAddress" IS NOT NULL
      GROUP BY 1 HAVING count(*) >= ${TRENDING.ipMin} ORDER BY n DESC, 1 LIMIT 10`,
    sql.rows({ domain: col.string, n: col.count })`
      SELECT ${KEY_DOMAIN} AS domain, count(*) AS n FROM "Signature"
      WHERE "createdAt" >= now() AT TIME ZONE 'UTC' - interval '1 hour' AND "emailKey" LIKE '%@%' GROUP BY 1`,
  ])
  const recent = [...byRegistrableDomain(recentDomains)].filter(([, n]) => n >= TRENDING.domainMin)
  const candidates = recent.map(([domain]) => domain)
  const before = candidates.length
    ? byRegistrableDomain(
        await sql.rows({ domain: col.string, n: col.count })`
          SELECT ${KEY_DOMAIN} AS domain, count(*) AS n FROM "Signature"
          WHERE "createdAt" >= now() AT TIME ZONE 'UTC' - interval '25 hours' AND "createdAt" < now() AT TIME ZONE 'UTC' - interval '1 hour'
            AND (${KEY_DOMAIN} = ANY(${candidates}) OR ${KEY_DOMAIN} LIKE ANY(${candidates.map((d) => `%.${likeText(d)}`)}))
          GROUP BY 1`,
      )
    : new Map<string, number>()
  const domains = recent
    .map(([domain, count]) => ({ domain, count, usual: (before.get(domain) ?? 0) / 24 }))
    .filter((d) => d.count >= TRENDING.domainRatio * d.usual)
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain))
    .slice(0, 10)
  return {
    ips: ips.map((r) => ({ network: r.network, count: Number(r.n), confirmed: Number(r.validated) })),
    domains: domains.map((d) => ({ domain: d.domain, count: d.count, usualPerHour: Math.round(d.usual * 10) / 10 })),
  }
}
