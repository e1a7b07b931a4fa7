// What the System status panel and /metrics report, read from Postgres in one go
// (a handful of index-only counts), so every web process answers the same
// whichever one is asked (decision 091). Cached a few seconds per process.
import { prisma } from '~/lib/db.server'
import { dueEmails } from '~/mail/deliver.server'
import { col, sql } from '~/lib/sql.server'
import { memoFor } from '~/lib/memo.server'
import type { ExternalService } from '~/lib/service-failures.server'

export const EXTERNAL_SERVICES: ExternalService[] = ['postcodes.io', 'members-api', 'resend']

export interface OperationsSnapshot {
  at: Date
  signatures: { confirmed: number; pending: number; struckOut: number }
  lettersByState: Record<string, number>
  emailsByStatus: Record<string, number>
  /** Emails queued or being sent whose time has come. */
  outboxDue: number
  /** Seconds the oldest due email has waited since it was queued (0 when none). */
  oldestDueSeconds: number
  /** Failed calls in the last hour, by service, and Resend's by kind. */
  failuresLastHour: Record<ExternalService, number>
  lastFailure: Partial<Record<ExternalService, { kind: string; detail: string; at: Date }>>
  sendErrorsLastHour: Record<string, number>
  /** pg-boss jobs waiting (created or retry), by queue; empty before a worker has created the queues. */
  jobQueueDepth: Record<string, number>
  /** The newest worker heartbeat (null: no worker has ever reported). */
  workerSeenAt: Date | null
  workers: number
  lastSync: { startedAt: Date; finishedAt: Date | null; ok: boolean | null; error: string | null; members: number | null; changes: number | null } | null
  lastSuccessfulSyncAt: Date | null
}

async function read(): Promise<OperationsSnapshot> {
  const [counts, letters, emails, outbox, failures, lastFailures, sendErrors, queue, heartbeat, lastSync, lastOk] = await Promise.all([
    prisma.petitionCount.findUnique({ where: { id: 1 } }),
    sql.rows({ state: col.string, n: col.count })`SELECT state::text AS state, count(*) AS n FROM "Letter" GROUP BY state`,
    sql.rows({ status: col.string, n: col.count })`SELECT status::text AS status, count(*) AS n FROM "Email" GROUP BY status`,
    sql.rows({ due: col.count, oldest: col.at.nullable() })`
      SELECT count(*) AS due, min("createdAt") AS oldest FROM "Email"
      WHERE (${dueEmails.fresh}) OR (${dueEmails.retry}) OR (${dueEmails.abandoned})`,
    sql.rows({ service: col.string, n: col.count })`
      SELECT service, count(*) AS n FROM "ServiceFailure" WHERE "createdAt" > now() - interval '1 hour' GROUP BY service`,
    sql.rows({ service: col.string, kind: col.string, detail: col.string, createdAt: col.at })`
      SELECT DISTINCT ON (service) service, kind, detail, "createdAt" FROM "ServiceFailure"
      WHERE "createdAt" > now() - interval '1 hour' ORDER BY service, "createdAt" DESC`,
    sql.rows({ kind: col.string, n: col.count })`
      SELECT kind, count(*) AS n FROM "ServiceFailure" WHERE service = 'resend' AND "createdAt" > now() - interval '1 hour' GROUP BY kind`,
    jobQueueDepth(),
    prisma.workerHeartbeat.aggregate({ _max: { seenAt: true }, _count: true, where: { seenAt: { gt: new Date(Date.now() - 86_400_000) } } }),
    prisma.mpSyncRun.findFirst({ orderBy: { startedAt: 'desc' } }),
    prisma.mpSyncRun.findFirst({ where: { ok: true }, orderBy: { startedAt: 'desc' }, select: { finishedAt: true } }),
  ])
  const now = new Date()
  const oldest = outbox[0]?.oldest ?? null
  return {
    at: now,
    signatures: { confirmed: counts?.signatureCount ?? 0, pending: counts?.pendingCount ?? 0, struckOut: counts?.invalidatedCount ?? 0 },
    lettersByState: Object.fromEntries(letters.map((r) => [r.state, Number(r.n)])),
    emailsByStatus: Object.fromEntries(emails.map((r) => [r.status, Number(r.n)])),
    outboxDue: Number(outbox[0]?.due ?? 0),
    oldestDueSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
    failuresLastHour: Object.fromEntries(EXTERNAL_SERVICES.map((s) => [s, Number(failures.find((f) => f.service === s)?.n ?? 0)])) as Record<ExternalService, number>,
    lastFailure: Object.fromEntries(lastFailures.map((f) => [f.service, { kind: f.kind, detail: f.detail, at: f.createdAt }])),
    sendErrorsLastHour: Object.fromEntries(sendErrors.map((r) => [r.kind, Number(r.n)])),
    jobQueueDepth: queue,
    workerSeenAt: heartbeat._max.seenAt,
    workers: heartbeat._count,
    lastSync: lastSync && { startedAt: lastSync.startedAt, finishedAt: lastSync.finishedAt, ok: lastSync.ok, error: lastSync.error, members: lastSync.members, changes: lastSync.changes },
    lastSuccessfulSyncAt: lastOk?.finishedAt ?? null,
  }
}

/** pg-boss keeps its jobs in its own schema; before the first worker starts there is none. */
async function jobQueueDepth(): Promise<Record<string, number>> {
  const [exists] = await sql.rows({ found: col.boolean })`SELECT to_regclass('pgboss.job') IS NOT NULL AS found`
  if (!exists?.found) return {}
  const rows = await sql.rows({ name: col.string, n: col.count })`
    SELECT name, count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]))
}

/** At most one read every 5 seconds per process, however often /metrics or the dashboard asks. */
export const operationsSnapshot = memoFor(5_000, read)

/** For tests: a fresh read. */
export const readOperationsSnapshot = read
