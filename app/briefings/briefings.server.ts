// MP briefings (decision 115): an admin writes one message, with placeholders for each MP's figures,
// and it goes to every MP whose seat has at least N confirmed signatures: one concise, factual email
// instead of hundreds of identical ones.
//
// Sending has two steps, each one transaction:
// 1. Start: the MPs eligible now are claimed as BriefingRecipient rows (unique per briefing and MP).
//    The rule "at most one briefing per MP in 30 days" is enforced here, in the database: the claimed
//    MPs' rows are locked first, so two briefings started at once cannot both claim an MP, and the
//    insert itself skips any MP claimed by another briefing in the last 30 days.
// 2. A worker loop (like campaign updates) writes the next few recipients' emails into the outbox, each
//    Email row in the same transaction that records it on its recipient: a worker killed at any point
//    leaves each MP either with its one email or still waiting for it, never with two.
import { z } from 'zod'
import { audit as writeAudit } from '~/admin/audit.server'
import { asks } from '~/campaign/content'
import { queueEmail } from '~/emails/outbox.server'
import type { Briefing, Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import type { FormLimits } from '~/lib/form-data.server'
import { col, sql } from '~/lib/sql.server'
import { letterState, signatureState } from '~/lib/sql-enums.server'
import { parseMailbox } from '~/mail/address'
import { rankSeats } from '~/map/rank'
import { letterAddress } from '~/mps/lookup.server'
import { BRIEFING_INTERVAL_DAYS } from './briefing-labels'
import { briefingSubject, unknownPlaceholders, type BriefingValues } from './briefing-text'

export { BRIEFING_INTERVAL_DAYS }
/** Recipients written to the outbox per transaction. */
export const BRIEFING_CHUNK = 50
/** The next chunk is written only when fewer of this briefing's emails than this wait in the outbox. */
const MAX_WAITING = 100

const noNewlines = (s: string) => !/[\r\n]/.test(s)
const knownPlaceholders = (s: string) => unknownPlaceholders(s).length === 0
const placeholderMessage = (s: string) => ({
  message: `Unknown placeholder ${unknownPlaceholders(s).map((p) => `{{${p}}}`).join(', ')}: use only the placeholders listed`,
})

export const briefingSchema = z.object({
  subject: z
    .string({ required_error: 'Enter a subject' })
    .trim()
    .min(1, 'Enter a subject')
    .max(150, 'Keep the subject to 150 characters or fewer')
    .refine(noNewlines, 'The subject must be one line')
    .refine(knownPlaceholders, placeholderMessage),
  bodyMarkdown: z
    .string({ required_error: 'Write the briefing' })
    .trim()
    .min(1, 'Write the briefing')
    .max(10_000, 'Keep the briefing under 10,000 characters: MPs read short briefings')
    .refine(knownPlaceholders, placeholderMessage),
  threshold: z.coerce
    .number({ required_error: 'Enter the number of signatures', invalid_type_error: 'Enter the number of signatures as a whole number, like 100' })
    .int('Enter a whole number, like 100')
    .min(1, 'Enter at least 1')
    .max(10_000_000, 'Enter a number up to 10,000,000'),
})
export type BriefingInput = z.infer<typeof briefingSchema>
/** A briefing's body may be long; its own rule says how long, this bounds the work. */
export const BRIEFING_FORM_LIMITS: FormLimits = { maxChars: { bodyMarkdown: 40_000 } }

/** Where MPs' replies go: the campaign's contact (CAMPAIGN_CONTACT_EMAIL), else the sender's own address. */
export function briefingReplyTo(): string {
  return env().CAMPAIGN_CONTACT_EMAIL ?? parseMailbox(env().MAIL_FROM).address
}

export function seatUrl(onsCode: string) {
  return `${env().APP_URL}/map/${onsCode}`
}

// ─── Who a briefing goes to ──────────────────────────────────────────────────

export type Exclusion =
  | { kind: 'switched-off'; reason: string | null }
  | { kind: 'no-address' }
  | { kind: 'bounced'; since: Date }
  | { kind: 'briefed-recently'; at: Date }

/** One current MP with their seat's figures and what stands in the way of a briefing. */
export interface MpStanding {
  mpId: number
  name: string
  party: string
  onsCode: string
  constituency: string
  signatures: number
  letters: number
  rank: number
  tied: boolean
  /** Where a briefing goes: a campaigner's override wins, as for letters. */
  address: string | null
  lastBriefedAt: Date | null
  exclusion: Exclusion | null
}

/** Westminster's constituencies (2024 boundaries): ranks are "of 650". */
export const SEAT_COUNT = 650

/** Confirmed signatures by seat, from the signatures themselves (not the public cache): what is true now. */
async function signaturesBySeat(db: Prisma.TransactionClient) {
  const rows = await sql.rows({ code: col.string, n: col.count }, db)`
    SELECT "constituencyCode" AS code, count(*) AS n FROM "Signature"
    WHERE state = ${signatureState.validated} AND "constituencyCode" IS NOT NULL GROUP BY 1`
  return new Map(rows.map((r) => [r.code, Number(r.n)]))
}

/**
 * Every current MP whose seat we know, with its figures, rank and exclusion (if any), by signatures (most
 * first). The seat is the MP's ONS code, or, until postcodes.io has named it, the constituency whose name
 * matches (the directory's own rule, decision 010). A seat nobody has signed in yet may be unknown: its MP
 * has no signatures to brief on.
 */
export async function mpStandings(db: Prisma.TransactionClient = prisma, now = new Date()): Promise<MpStanding[]> {
  const [bySeat, mps, constituencies, letters, briefed] = await Promise.all([
    signaturesBySeat(db),
    db.mp.findMany({ where: { status: 'current' } }),
    db.constituency.findMany({ select: { onsCode: true, name: true, nameKey: true } }),
    sql.rows({ mpId: col.number, n: col.count }, db)`
      SELECT "mpId", count(*) AS n FROM "Letter" WHERE "confirmedAt" IS NOT NULL AND state <> ${letterState.invalidated} GROUP BY 1`,
    sql.rows({ mpId: col.number, at: col.at }, db)`
      SELECT "mpId", max("createdAt") AS at FROM "BriefingRecipient" WHERE "skippedReason" IS NULL GROUP BY 1`,
  ])
  // Every seat with signatures, then the rest of the 650 with none (they tie for last).
  const withSignatures = [...bySeat.entries()]
  const seatRanks = rankSeats([...withSignatures.map(([, n]) => n), ...Array<number>(Math.max(0, SEAT_COUNT - withSignatures.length)).fill(0)])
  const ranks = new Map(withSignatures.map(([code], i) => [code, seatRanks[i]]))
  const unsigned = seatRanks[withSignatures.length] ?? { rank: SEAT_COUNT, tied: false }
  const byCode = new Map(constituencies.map((c) => [c.onsCode, c]))
  const byNameKey = new Map(constituencies.map((c) => [c.nameKey, c]))
  const lettersTo = new Map(letters.map((l) => [l.mpId, Number(l.n)]))
  const lastBriefed = new Map(briefed.map((b) => [b.mpId, b.at]))
  const cutoff = now.getTime() - BRIEFING_INTERVAL_DAYS * 86_400_000

  const standings: MpStanding[] = []
  for (const mp of mps) {
    const seat = (mp.constituencyCode ? byCode.get(mp.constituencyCode) : undefined) ?? (mp.constituencyKey ? byNameKey.get(mp.constituencyKey) : undefined)
    if (!seat) continue
    const address = letterAddress(mp)
    const lastBriefedAt = lastBriefed.get(mp.id) ?? null
    const exclusion: Exclusion | null = !mp.targetEnabled
      ? { kind: 'switched-off', reason: mp.targetDisabledReason }
      : !address
        ? { kind: 'no-address' }
        : mp.emailBouncedAt
          ? { kind: 'bounced', since: mp.emailBouncedAt }
          : lastBriefedAt && lastBriefedAt.getTime() > cutoff
            ? { kind: 'briefed-recently', at: lastBriefedAt }
            : null
    standings.push({
      mpId: mp.id,
      name: mp.name,
      party: mp.party,
      onsCode: seat.onsCode,
      constituency: seat.name,
      signatures: bySeat.get(seat.onsCode) ?? 0,
      letters: lettersTo.get(mp.id) ?? 0,
      ...(ranks.get(seat.onsCode) ?? unsigned),
      address,
      lastBriefedAt,
      exclusion,
    })
  }
  return standings.sort((a, b) => b.signatures - a.signatures || a.constituency.localeCompare(b.constituency, 'en-GB'))
}

export interface BriefingAudience {
  threshold: number
  eligible: MpStanding[]
  /** MPs whose seat reached the threshold but who will not get it, each with why. */
  excluded: MpStanding[]
  /** MPs whose seat has fewer signatures than the threshold. */
  belowThreshold: number
}

/** Who a briefing with this threshold would go to now, and who not and why. */
export async function briefingAudience(threshold: number, db: Prisma.TransactionClient = prisma): Promise<BriefingAudience> {
  const standings = await mpStandings(db)
  const reached = standings.filter((s) => s.signatures >= threshold)
  return {
    threshold,
    eligible: reached.filter((s) => !s.exclusion),
    excluded: reached.filter((s) => s.exclusion),
    belowThreshold: standings.length - reached.length,
  }
}

export function briefingValues(s: Pick<MpStanding, 'name' | 'constituency' | 'signatures' | 'letters' | 'rank' | 'tied' | 'onsCode'>): BriefingValues {
  return {
    mpName: s.name,
    constituency: s.constituency,
    signatures: s.signatures,
    letters: s.letters,
    rank: s.rank,
    tied: s.tied,
    seatCount: SEAT_COUNT,
    seatUrl: seatUrl(s.onsCode),
  }
}

/** Values to preview a template with when no MP is eligible yet. */
export const SAMPLE_VALUES: BriefingValues = {
  mpName: 'Jane Example MP',
  constituency: 'Reading Central',
  signatures: 1204,
  letters: 312,
  rank: 12,
  tied: false,
  seatCount: 650,
  seatUrl: 'https://example.org/map/E14001438',
}

// ─── Drafts ──────────────────────────────────────────────────────────────────

export async function createBriefing(campaignerId: string, input: BriefingInput) {
  return prisma.$transaction(async (tx) => {
    const briefing = await tx.briefing.create({ data: { ...input, createdById: campaignerId }, select: { id: true } })
    await writeAudit(campaignerId, 'briefing.create', { briefingId: briefing.id, subject: input.subject, threshold: input.threshold }, tx)
    return briefing
  })
}

/** Drafts only: once sending starts, what goes out is fixed. */
export async function updateBriefing(id: string, campaignerId: string, input: BriefingInput): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.briefing.updateMany({ where: { id, status: 'draft' }, data: input })
    if (count) await writeAudit(campaignerId, 'briefing.edit', { briefingId: id, subject: input.subject, threshold: input.threshold }, tx)
    return count > 0
  })
}

export async function deleteBriefingDraft(id: string, campaignerId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.briefing.deleteMany({ where: { id, status: 'draft' } })
    if (count) await writeAudit(campaignerId, 'briefing.delete', { briefingId: id }, tx)
    return count > 0
  })
}

// ─── Sending ─────────────────────────────────────────────────────────────────

export type StartOutcome = { status: 'started'; recipients: number } | { status: 'nobody' } | { status: 'stale' }

/**
 * Starts sending: claims every MP eligible now (the once-per-30-days rule enforced in the same statement,
 * under a lock on the MPs' rows), and hands the rest to the worker. Audited with the MPs claimed.
 */
export async function startBriefing(id: string, campaignerId: string): Promise<StartOutcome> {
  return prisma.$transaction(
    async (tx) => {
      const [briefing] = await sql.rows({ threshold: col.number }, tx)`
        SELECT threshold FROM "Briefing" WHERE id = ${id}::uuid AND status = 'draft' FOR UPDATE`
      if (!briefing) return { status: 'stale' }
      const { eligible } = await briefingAudience(briefing.threshold, tx)
      const mpIds = eligible.map((s) => s.mpId).sort((a, b) => a - b)
      if (!mpIds.length) return { status: 'nobody' }
      // Another briefing starting now waits here for these MPs, then sees this one's claims.
      await sql.rows({ id: col.number }, tx)`SELECT id FROM "Mp" WHERE id = ANY(${mpIds}::int[]) ORDER BY id FOR UPDATE`
      const claimed = await sql.rows({ mpId: col.number }, tx)`
        INSERT INTO "BriefingRecipient" (id, "briefingId", "mpId", "createdAt")
        SELECT gen_random_uuid(), ${id}::uuid, m.id, now() FROM unnest(${mpIds}::int[]) AS m(id)
        WHERE NOT EXISTS (
          SELECT 1 FROM "BriefingRecipient" r
          WHERE r."mpId" = m.id AND r."skippedReason" IS NULL
            AND r."createdAt" > now() - make_interval(days => ${BRIEFING_INTERVAL_DAYS}))
        ON CONFLICT ("briefingId", "mpId") DO NOTHING
        RETURNING "mpId"`
      if (!claimed.length) return { status: 'nobody' }
      await tx.briefing.update({ where: { id }, data: { status: 'sending', startedAt: new Date(), recipientCount: claimed.length } })
      await writeAudit(campaignerId, 'briefing.start', { briefingId: id, threshold: briefing.threshold, mpIds: claimed.map((c) => c.mpId).sort((a, b) => a - b) }, tx)
      return { status: 'started', recipients: claimed.length }
    },
    { timeout: 30_000 },
  )
}

function skipReason(s: MpStanding): string | null {
  if (!s.exclusion || s.exclusion.kind === 'briefed-recently') return null // this briefing's own claim
  return { 'switched-off': 'target switched off', 'no-address': 'no email address', bounced: 'address bounced' }[s.exclusion.kind]
}

/**
 * Worker step: writes the next chunk of the oldest briefing being sent into the outbox. Each email and
 * the recipient row that records it are written in this one transaction. Returns how many it queued.
 */
export async function queueBriefingChunk(chunkSize = BRIEFING_CHUNK): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const [briefing] = await sql.rows({ id: col.string, subject: col.string, bodyMarkdown: col.string }, tx)`
        SELECT id, subject, "bodyMarkdown" FROM "Briefing" WHERE status = 'sending' ORDER BY "startedAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`
      if (!briefing) return 0
      const [{ waiting }] = await sql.rows({ waiting: col.number }, tx)`
        SELECT count(*)::int AS waiting FROM "BriefingRecipient" r JOIN "Email" e ON e.id = r."emailId"
        WHERE r."briefingId" = ${briefing.id}::uuid AND e.status IN ('queued', 'sending')`
      if (waiting >= MAX_WAITING) return 0

      const due = await tx.briefingRecipient.findMany({
        where: { briefingId: briefing.id, emailId: null, skippedReason: null },
        orderBy: { mpId: 'asc' },
        take: chunkSize,
        select: { id: true, mpId: true },
      })
      const standings = due.length ? new Map((await mpStandings(tx)).map((s) => [s.mpId, s])) : new Map<number, MpStanding>()
      const replyTo = briefingReplyTo()
      let queued = 0
      let skipped = 0
      for (const recipient of due) {
        const standing = standings.get(recipient.mpId)
        const reason = standing ? skipReason(standing) : 'no longer a current MP'
        if (reason || !standing?.address) {
          await tx.briefingRecipient.update({ where: { id: recipient.id }, data: { skippedReason: reason ?? 'no email address' } })
          skipped++
          continue
        }
        const values = briefingValues(standing)
        const subject = briefingSubject(briefing.subject, values)
        const email = await queueEmail(tx, {
          kind: 'mp_briefing',
          to: standing.address,
          subject,
          template: 'mp-briefing',
          data: { subject, bodyMarkdown: briefing.bodyMarkdown, values },
          replyTo,
        })
        // Only a recipient still without an email takes this one: anything else rolls the whole chunk back.
        const { count } = await tx.briefingRecipient.updateMany({ where: { id: recipient.id, emailId: null }, data: { emailId: email.id, queuedAt: new Date() } })
        if (count !== 1) throw new Error(`briefing recipient ${recipient.id} already has its email`)
        queued++
      }
      const remaining = due.length < chunkSize ? 0 : await tx.briefingRecipient.count({ where: { briefingId: briefing.id, emailId: null, skippedReason: null } })
      await tx.briefing.update({
        where: { id: briefing.id },
        data: {
          queuedCount: { increment: queued },
          skippedCount: { increment: skipped },
          ...(remaining === 0 ? { status: 'sent', finishedAt: new Date() } : {}),
        },
      })
      return queued
    },
    { timeout: 30_000 },
  )
}

/** Worker loop body: keeps queueing while there is room; the delay until the next look. */
export async function queueBriefings(): Promise<number> {
  return (await queueBriefingChunk()) ? 250 : 2_000
}

// ─── Reading ─────────────────────────────────────────────────────────────────

export async function listBriefings() {
  return prisma.briefing.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, subject: true, status: true, threshold: true, createdAt: true, recipientCount: true, queuedCount: true, createdBy: { select: { email: true } } },
  })
}

export interface BriefingRecipientRow {
  mpId: number
  name: string
  constituency: string
  to: string | null
  state: string
  queuedAt: Date | null
  /** The MP's address is flagged as bouncing (by this briefing, another, or a letter). */
  addressBouncedAt: Date | null
}

/** A bounce or complaint flags the MP's address (bounces.server.ts): the page says so while it stands. */
function emailState(status: string, addressBouncedAt: Date | null): string {
  if (status !== 'bounced' && status !== 'complained') return status
  return addressBouncedAt ? `${status}: address flagged on MP targets` : status
}

export async function getBriefing(id: string) {
  if (!z.string().uuid().safeParse(id).success) return null
  const briefing = await prisma.briefing.findUnique({ where: { id }, include: { createdBy: { select: { email: true } } } })
  if (!briefing) return null
  const recipients = await prisma.briefingRecipient.findMany({
    where: { briefingId: id },
    orderBy: { mpId: 'asc' },
    select: {
      mpId: true,
      queuedAt: true,
      skippedReason: true,
      mp: { select: { name: true, constituencyName: true, emailBouncedAt: true } },
      email: { select: { to: true, status: true } },
    },
  })
  const rows: BriefingRecipientRow[] = recipients.map((r) => ({
    mpId: r.mpId,
    name: r.mp.name,
    constituency: r.mp.constituencyName ?? '—',
    to: r.email?.to ?? null,
    state: r.skippedReason ? `Not sent: ${r.skippedReason}` : r.email ? emailState(r.email.status, r.mp.emailBouncedAt) : r.queuedAt ? 'sent' : 'waiting',
    addressBouncedAt: r.mp.emailBouncedAt,
    queuedAt: r.queuedAt,
  }))
  return { ...briefing, recipients: rows }
}

export type BriefingDetail = NonNullable<Awaited<ReturnType<typeof getBriefing>>>

/** The four asks as the template's {{asks}} puts them (for the compose page's guide). */
export const ASK_TITLES = asks.map((a) => a.title)

export type { Briefing }

/**
 * Everything the briefing's page shows: the briefing; while a draft, who it would go to now (and who
 * not, and why) and the values to preview it with for one eligible MP (the chosen one, else the first).
 */
export async function briefingPage(id: string, previewMpId?: number) {
  const briefing = await getBriefing(id)
  if (!briefing) return null
  if (briefing.status !== 'draft') return { briefing, audience: null, preview: null }
  const audience = await briefingAudience(briefing.threshold)
  const chosen = audience.eligible.find((s) => s.mpId === previewMpId) ?? audience.eligible[0]
  const values = chosen ? briefingValues(chosen) : SAMPLE_VALUES
  return {
    briefing,
    audience,
    preview: { mpId: chosen?.mpId ?? null, to: chosen?.address ?? null, subject: briefingSubject(briefing.subject, values), values },
  }
}

/** When each of these MPs was last sent a briefing (claimed and not skipped): the MP targets page shows it. */
export async function lastBriefed(mpIds: number[]): Promise<Map<number, Date>> {
  if (!mpIds.length) return new Map()
  const rows = await sql.rows({ mpId: col.number, at: col.at })`
    SELECT "mpId", max(coalesce("queuedAt", "createdAt")) AS at FROM "BriefingRecipient"
    WHERE "mpId" = ANY(${mpIds}::int[]) AND "skippedReason" IS NULL GROUP BY 1`
  return new Map(rows.map((r) => [r.mpId, r.at]))
}
