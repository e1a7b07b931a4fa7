// What we keep, for how long: the jobs that make the privacy notice true.
// Periods come from app/campaign/retention.ts, which the notice also reads.
// Unconfirmed signatures and letters are purged by their own modules'
// jobs (petition/purge.server.ts, letters/progress.server.ts).
// Every function takes `now`, so tests can move the clock.
import { retention } from '~/campaign/retention'
import { prisma } from '~/lib/db.server'
import { anonymiseAllSupporterEmails, anonymiseLetters, anonymisePaperSignatures, anonymiseSignatures, redactProcessedWebhookEvents } from './anonymise.server'
import { col, sql } from '~/lib/sql.server'

const DAY_MS = 24 * 3600 * 1000
/** Webhook events hold recipients' addresses; they are only needed to spot replays, which come within days. */
export const WEBHOOK_EVENT_DAYS = retention.deliveryReportDays
/** The Setting row that records when the campaign closed (an ISO date string). */
export const CAMPAIGN_CLOSED_AT = 'campaign.closedAt'
const BATCH = 1000
/** A paper import's preview nobody imported is discarded after this long: it holds the rows' personal data. */
export const PAPER_PREVIEW_HOURS = 24

/** Letter bodies, `letterBodyDays` after delivery (or sending, if no delivery report came). The record stays. */
export async function eraseLetterBodies(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retention.letterBodyDays * DAY_MS)
  return prisma.$transaction(async (tx) => {
    const erased = await sql.rows({ id: col.string }, tx)`
      UPDATE "Letter" SET body = NULL, fingerprint = '{}', "bodyErasedAt" = ${now}
      WHERE "bodyErasedAt" IS NULL AND state IN ('sent', 'delivered', 'bounced', 'failed', 'invalidated')
        AND coalesce("deliveredAt", "sentAt", "confirmedAt", "createdAt") < ${cutoff}
      RETURNING id`
    const ids = erased.map((r) => r.id)
    // The local outbox's copies of the letter (development only), and anything still carrying it.
    if (ids.length) {
      await tx.$executeRaw`
        UPDATE "Email" SET "outboxHtml" = NULL, "outboxText" = NULL, secrets = NULL
        WHERE "letterId" = ANY(${ids}::uuid[]) AND status NOT IN ('queued', 'sending')`
    }
    return ids.length
  })
}

/** What Resend told us about an email, once applied, keeps only the event and the email id (no recipient, subject or bounce text). */
export async function redactWebhookPayloads(): Promise<number> {
  return prisma.$transaction((tx) => redactProcessedWebhookEvents(tx))
}

export async function purgeWebhookEvents(now = new Date()): Promise<number> {
  const { count } = await prisma.webhookEvent.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - WEBHOOK_EVENT_DAYS * DAY_MS) } },
  })
  return count
}

/** Previews of paper imports nobody imported within PAPER_PREVIEW_HOURS: their rows are deleted, the record stays, discarded. */
export async function purgeExpiredPaperPreviews(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PAPER_PREVIEW_HOURS * 3600_000)
  return prisma.$transaction(async (tx) => {
    const expired = await tx.paperImport.findMany({ where: { state: 'previewed', createdAt: { lt: cutoff } }, select: { id: true } })
    const ids = expired.map((e) => e.id)
    if (!ids.length) return 0
    await tx.paperSignature.deleteMany({ where: { importId: { in: ids } } })
    await tx.paperImport.updateMany({ where: { id: { in: ids } }, data: { state: 'reverted', revertedAt: now } })
    return ids.length
  })
}

/** When the campaign closed, if a campaigner has recorded it. */
export async function campaignClosedAt(): Promise<Date | null> {
  const row = await prisma.setting.findUnique({ where: { key: CAMPAIGN_CLOSED_AT } })
  const value = typeof row?.value === 'string' ? new Date(row.value) : null
  return value && !Number.isNaN(value.getTime()) ? value : null
}

export function anonymiseDueAt(closedAt: Date): Date {
  const due = new Date(closedAt)
  due.setUTCMonth(due.getUTCMonth() + retention.afterCloseMonths)
  return due
}

/**
 * `afterCloseMonths` after the campaign closed: every supporter's personal
 * data is anonymised; every count by constituency and nation stays.
 */
export async function anonymiseAfterClose(now = new Date()): Promise<{ due: boolean; signatures: number; letters: number }> {
  const closedAt = await campaignClosedAt()
  if (!closedAt || anonymiseDueAt(closedAt) > now) return { due: false, signatures: 0, letters: 0 }
  let signatures = 0
  let letters = 0
  // Never confirmed: nothing to count, so nothing to keep (nor paper rows never imported).
  await prisma.signature.deleteMany({ where: { state: 'pending' } })
  await prisma.letter.deleteMany({ where: { state: 'pending' } })
  await prisma.paperSignature.deleteMany({ where: { import: { state: { not: 'imported' } } } })
  for (;;) {
    const ids = (await prisma.paperSignature.findMany({ where: { anonymisedAt: null }, select: { id: true }, take: BATCH })).map((r) => r.id)
    if (!ids.length) break
    await prisma.$transaction((tx) => anonymisePaperSignatures(tx, ids, now))
  }
  for (;;) {
    const ids = (await prisma.signature.findMany({ where: { anonymisedAt: null }, select: { id: true }, take: BATCH })).map((r) => r.id)
    if (!ids.length) break
    signatures += await prisma.$transaction((tx) => anonymiseSignatures(tx, ids, now))
  }
  for (;;) {
    const ids = (await prisma.letter.findMany({ where: { anonymisedAt: null }, select: { id: true }, take: BATCH })).map((r) => r.id)
    if (!ids.length) break
    letters += await prisma.$transaction((tx) => anonymiseLetters(tx, ids, now))
  }
  // Every other email too (data requests, orphans of purged signatures, anything still queued), what
  // Resend told us, the suppression list (no address is left to guard) and the abuse counters.
  await prisma.$transaction(async (tx) => {
    await anonymiseAllSupporterEmails(tx)
    await tx.suppression.deleteMany({})
    await tx.webhookEvent.deleteMany({})
    await tx.rateLimit.deleteMany({})
  })
  return { due: true, signatures, letters }
}

/** The daily retention job. */
export async function runRetention(now = new Date()) {
  return {
    letterBodiesErased: await eraseLetterBodies(now),
    webhookEventsPurged: await purgeWebhookEvents(now),
    webhookPayloadsRedacted: await redactWebhookPayloads(),
    paperPreviewsDiscarded: await purgeExpiredPaperPreviews(now),
    afterClose: await anonymiseAfterClose(now),
  }
}
