// Drains the outbox: claims due emails in batches of up to 100, renders them,
// and hands each batch to Resend's batch endpoint with an Idempotency-Key, so
// a retry after a crash or a timeout never sends an email twice.
import crypto from 'node:crypto'
import { EmailKind, Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { failureKind, recordServiceFailure } from '~/lib/service-failures.server'
import { formatMailbox, parseMailbox } from './address'
import { resendClient } from './resend.server'
import { suppressedAmong } from './suppression.server'
import { col, sql, type RowOf } from '~/lib/sql.server'
import { emailStatus } from '~/lib/sql-enums.server'

/** The columns a claimed email is sent from (RETURNING lists exactly these). */
const claimedEmail = {
  id: col.string,
  kind: col.enum(EmailKind),
  to: col.string,
  replyTo: col.string.nullable(),
  fromName: col.string.nullable(),
  subject: col.string,
  template: col.string,
  data: col.json,
  secrets: col.json,
  headers: col.json,
  attempts: col.number,
  idempotencyKey: col.string,
  claimToken: col.string,
  createdAt: col.at,
}
type Email = RowOf<typeof claimedEmail>
const CLAIMED_COLUMNS = Prisma.raw(Object.keys(claimedEmail).map((c) => `"${c}"`).join(', '))

const BATCH_SIZE = 100
/** How long a claimed batch is ours before another worker may take it over. */
const LEASE_SECONDS = 120
const MAX_BACKOFF_SECONDS = 3600

/** Turns a stored template name and its props into the email's HTML and text (the app's templates, app/emails). */
export type EmailRenderer = (template: string, props: Record<string, unknown>) => Promise<{ html: string; text: string }>

export interface DeliveryReport {
  sent: number
  failed: number
  deferred: number
  suppressed: number
  /** Resend asked us to slow down: wait this long before the next request. */
  pauseMs: number
}

/**
 * The three ways an email is due, each read through its own partial index (decision 076): a request whose
 * worker died (its claim lapsed), a request waiting to be retried, and an email never offered to Resend.
 */
export const dueEmails = {
  abandoned: Prisma.sql`status = ${emailStatus.sending} AND "claimExpiresAt" <= now()`,
  retry: Prisma.sql`status = ${emailStatus.queued} AND "idempotencyKey" IS NOT NULL AND "retryAt" <= now()`,
  fresh: Prisma.sql`status = ${emailStatus.queued} AND "idempotencyKey" IS NULL AND "notBefore" <= now()`,
}

/** A new claim: its own token, and a lease after which another worker may take the request over. */
function claim() {
  return Prisma.sql`status = ${emailStatus.sending}, attempts = attempts + 1, "updatedAt" = now(), "retryAt" = NULL,
    "claimToken" = ${crypto.randomUUID()}::uuid, "claimExpiresAt" = now() + make_interval(secs => ${LEASE_SECONDS})`
}

/**
 * Claims one batch: a request already offered to Resend that is due again (the same emails under the same
 * Idempotency-Key: its worker died, or its retry is due), else up to BATCH_SIZE fresh emails under a new key.
 */
async function claimBatch(): Promise<Email[]> {
  const claimed = await prisma.$transaction(async (tx) => {
    const dueRequest = async (due: Prisma.Sql, order: Prisma.Sql) =>
      (await sql.rows({ idempotencyKey: col.string }, tx)`
        SELECT "idempotencyKey" FROM "Email" WHERE ${due} ORDER BY ${order} LIMIT 1 FOR UPDATE SKIP LOCKED`)[0]
    const again = (await dueRequest(dueEmails.abandoned, Prisma.sql`"claimExpiresAt"`)) ?? (await dueRequest(dueEmails.retry, Prisma.sql`"retryAt"`))
    if (again) {
      return sql.rows(claimedEmail, tx)`
        UPDATE "Email" SET ${claim()}
        WHERE "idempotencyKey" = ${again.idempotencyKey} AND status IN (${emailStatus.queued}, ${emailStatus.sending})
        RETURNING ${CLAIMED_COLUMNS}`
    }
    return sql.rows(claimedEmail, tx)`
      UPDATE "Email" SET ${claim()}, "idempotencyKey" = ${crypto.randomUUID()}
      WHERE id IN (
        SELECT id FROM "Email" WHERE ${dueEmails.fresh}
        ORDER BY "notBefore" LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED)
      RETURNING ${CLAIMED_COLUMNS}`
  })
  // RETURNING follows no order: keep the batch in the order the emails were queued.
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
}

/** Marks emails to suppressed addresses as such (never mail to MPs) and returns the rest. */
async function dropSuppressed(emails: Email[]): Promise<Email[]> {
  if (!emails.length) return emails
  const dropped = await suppressedAmong(emails)
  if (!dropped.length) return emails
  await prisma.email.updateMany({
    where: stillOurs(dropped),
    data: { status: 'suppressed', secrets: Prisma.DbNull, lastError: 'address suppressed after a bounce or complaint', ...RELEASED },
  })
  const droppedIds = new Set(dropped.map((e) => e.id))
  return emails.filter((e) => !droppedIds.has(e.id))
}

function secretHeaders(email: Email): Record<string, string> | undefined {
  return (email.secrets as { headers?: Record<string, string> } | null)?.headers
}

async function toMessage(email: Email, render: EmailRenderer) {
  const props = { ...(email.data as object), ...((email.secrets as object | null) ?? {}) }
  const { html, text } = await render(email.template, props)
  const from = parseMailbox(env().MAIL_FROM)
  return {
    from: formatMailbox(email.fromName ?? from.name, from.address),
    to: [email.to],
    subject: email.subject,
    html,
    text,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    // Headers with secret links (List-Unsubscribe) live in `secrets.headers`, erased once sent.
    ...(email.headers || secretHeaders(email) ? { headers: { ...(email.headers as Record<string, string> | null), ...secretHeaders(email) } } : {}),
  }
}

function backoffSeconds(attempts: number) {
  const base = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(attempts, 12))
  return Math.round(base / 2 + Math.random() * (base / 2))
}

// Every update after the claim touches only rows still `sending` under this very claim: an email cancelled
// meanwhile (a supporter's erasure, app/retention) stays cancelled and empty, and a request another worker
// took over when this one's lease lapsed is that worker's to record, whatever this one does next.
function stillOurs(emails: Email[]) {
  return { id: { in: emails.map((e) => e.id) }, status: 'sending', claimToken: emails[0].claimToken } as const
}

/** What every update that lets a claimed email go clears: the claim means nothing once it is not `sending`. */
const RELEASED = { claimToken: null, claimExpiresAt: null } as const

async function markSent(emails: Email[], providerIds: (string | undefined)[], rendered?: { html: string; text: string }[]) {
  const now = new Date()
  await prisma.$transaction(
    emails.map((email, i) =>
      prisma.email.updateMany({
        where: stillOurs([email]),
        data: {
          status: 'sent',
          sentAt: now,
          providerId: providerIds[i] ?? null,
          secrets: Prisma.DbNull,
          lastError: null,
          ...RELEASED,
          ...(rendered ? { outboxHtml: rendered[i].html, outboxText: rendered[i].text } : {}),
        },
      }),
    ),
  )
}

/** Back in the queue, to be retried as the same request (same emails, same key) once `seconds` have passed. */
async function defer(emails: Email[], seconds: number, error: string) {
  await prisma.email.updateMany({
    where: stillOurs(emails),
    data: { status: 'queued', retryAt: new Date(Date.now() + seconds * 1000), lastError: error.slice(0, 500), ...RELEASED },
  })
}

/** Back in the queue at once, as a different request: `idempotencyKey` for all of them, or each its own. */
async function resendAs(emails: Email[], idempotencyKey: string | ((email: Email) => string)) {
  const requeued = { status: 'queued', retryAt: new Date(), ...RELEASED } as const
  await prisma.$transaction(
    typeof idempotencyKey === 'string'
      ? [prisma.email.updateMany({ where: stillOurs(emails), data: { ...requeued, idempotencyKey } })]
      : emails.map((e) => prisma.email.updateMany({ where: stillOurs([e]), data: { ...requeued, idempotencyKey: idempotencyKey(e) } })),
  )
}

async function fail(emails: Email[], error: string) {
  await prisma.email.updateMany({
    where: stillOurs(emails),
    data: { status: 'failed', secrets: Prisma.DbNull, lastError: error.slice(0, 500), ...RELEASED },
  })
}

type Message = Awaited<ReturnType<typeof toMessage>>

/** Several emails go in one batch request; a lone email (a retry split off a batch, a quiet moment) as a plain send. */
async function send(messages: Message[], idempotencyKey: string) {
  if (messages.length === 1) {
    const { data, error, headers } = await resendClient().emails.send(messages[0], { idempotencyKey })
    return { providerIds: data ? [data.id] : undefined, error, headers }
  }
  const { data, error, headers } = await resendClient().batch.send(messages, { idempotencyKey })
  return { providerIds: data ? data.data.map((d) => d.id) : undefined, error, headers }
}

/** Sends one batch. Returns what happened, including how long to pause if Resend said 429. */
export async function deliverBatch(render: EmailRenderer, options: { beforeSend?: () => Promise<void> } = {}): Promise<DeliveryReport & { claimed: number }> {
  const report = { sent: 0, failed: 0, deferred: 0, suppressed: 0, pauseMs: 0, claimed: 0 }
  const claimed = await claimBatch()
  report.claimed = claimed.length
  if (!claimed.length) return report
  const emails = await dropSuppressed(claimed)
  report.suppressed = claimed.length - emails.length
  if (!emails.length) return report

  const messages = await Promise.all(emails.map((email) => toMessage(email, render)))

  if (env().outbox) {
    await markSent(emails, [], messages)
    report.sent = emails.length
    return report
  }

  // Waits for this request's turn at Resend's account-wide rate (app/mail/pace.server.ts).
  await options.beforeSend?.()
  const { providerIds, error, headers } = await send(messages, emails[0].idempotencyKey)
  if (providerIds) {
    await markSent(emails, providerIds)
    report.sent = emails.length
    return report
  }

  const status = (error as { statusCode?: number | null }).statusCode ?? null
  const name = (error as { name?: string }).name ?? 'error'
  const message = `${status ?? 'network'} ${name}: ${error?.message ?? ''}`
  // Only the status and Resend's error name: its message can quote an address.
  await recordServiceFailure('resend', failureKind(status, error), `${status ?? 'network'} ${name}`)
  if (status === 429) {
    const retryAfter = Number(headers?.['retry-after'] ?? 1)
    const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1
    await defer(emails, seconds, message)
    report.deferred = emails.length
    report.pauseMs = seconds * 1000
  } else if (status === 409 && name === 'invalid_idempotent_request') {
    // The batch changed since its first attempt (an address was suppressed): it is a new request.
    await resendAs(emails, crypto.randomUUID())
    report.deferred = emails.length
  } else if (status === null || status >= 500 || status === 409) {
    await defer(emails, backoffSeconds(emails[0].attempts), message)
    report.deferred = emails.length
  } else if (emails.length > 1) {
    // A permanent error fails a whole strict batch: retry each email alone to find the bad one.
    await resendAs(emails, (e) => e.id)
    report.deferred = emails.length
  } else {
    await fail(emails, message)
    report.failed = emails.length
  }
  return report
}

/** Sends everything due now (used by tests and the CLI); the worker calls deliverBatch in a paced loop. */
export async function deliverAllDue(render: EmailRenderer, maxBatches = 1000): Promise<DeliveryReport> {
  const total = { sent: 0, failed: 0, deferred: 0, suppressed: 0, pauseMs: 0 }
  for (let i = 0; i < maxBatches; i++) {
    const r = await deliverBatch(render)
    total.sent += r.sent
    total.failed += r.failed
    total.deferred += r.deferred
    total.suppressed += r.suppressed
    total.pauseMs = Math.max(total.pauseMs, r.pauseMs)
    if (!r.claimed || r.pauseMs) break
  }
  return total
}
