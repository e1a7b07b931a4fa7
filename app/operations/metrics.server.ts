// GET /metrics: Prometheus text format, behind `Authorization: Bearer $METRICS_TOKEN`
// (decision 091). Everything about the campaign is read from Postgres at scrape time
// (operationsSnapshot, cached 5 s), so any web process gives the same answer and
// nothing is lost when one restarts; the process_* and nodejs_* defaults describe
// the process that answered (label `pid`).
import crypto from 'node:crypto'
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client'
import { env } from '~/lib/env.server'
import { EXTERNAL_SERVICES, operationsSnapshot, type OperationsSnapshot } from './snapshot.server'

const registry = new Registry()
registry.setDefaultLabels({ pid: String(process.pid) })
collectDefaultMetrics({ register: registry })

const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge<L>({ name, help, labelNames, registers: [registry] })

const signatures = gauge('dutyofcare_signatures', 'Signatures held, by state: confirmed (the public count), pending (waiting for the email link), struck_out (abuse, never counted)', ['state'])
const signaturesAccepted = gauge('dutyofcare_signatures_accepted', 'Signatures accepted and held (confirmed + pending + struck out); unconfirmed ones are deleted after 30 days')
const letters = gauge('dutyofcare_letters', 'Letters to MPs, by state', ['state'])
const emails = gauge('dutyofcare_emails', 'Emails in the outbox, by status', ['status'])
const outboxBacklog = gauge('dutyofcare_outbox_backlog', 'Emails queued or being sent whose time has come')
const outboxOldest = gauge('dutyofcare_outbox_oldest_due_age_seconds', 'How long the oldest due email has waited since it was queued (0 when none)')
const sendErrors = gauge('dutyofcare_email_send_errors_last_hour', 'Failed requests to Resend in the last hour, by kind', ['kind'])
const serviceFailures = gauge('dutyofcare_external_service_failures_last_hour', 'Failed calls to outside services in the last hour, by service', ['service'])
const queueDepth = gauge('dutyofcare_job_queue_depth', 'pg-boss jobs waiting to run (created or retrying), by queue', ['queue'])
const heartbeatAge = gauge('dutyofcare_worker_heartbeat_age_seconds', 'Seconds since the newest worker heartbeat (-1: none in the last day)')
const syncOk = gauge('dutyofcare_mp_sync_last_run_ok', '1 when the last MP directory sync worked, 0 when it failed or never finished, -1 when none ever ran')
const syncLastSuccess = gauge('dutyofcare_mp_sync_last_success_timestamp_seconds', 'When the MP directory last synced successfully (Unix time; 0: never)')

const LETTER_STATES = ['pending', 'confirmed', 'sent', 'delivered', 'bounced', 'failed', 'invalidated']
const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'delivery_delayed', 'bounced', 'complained', 'failed', 'suppressed']
const SEND_ERROR_KINDS = ['unreachable', 'timeout', 'rate_limited', 'server_error', 'rejected']

function fill(s: OperationsSnapshot) {
  signatures.set({ state: 'confirmed' }, s.signatures.confirmed)
  signatures.set({ state: 'pending' }, s.signatures.pending)
  signatures.set({ state: 'struck_out' }, s.signatures.struckOut)
  signaturesAccepted.set(s.signatures.confirmed + s.signatures.pending + s.signatures.struckOut)
  for (const state of LETTER_STATES) letters.set({ state }, s.lettersByState[state] ?? 0)
  for (const status of EMAIL_STATUSES) emails.set({ status }, s.emailsByStatus[status] ?? 0)
  outboxBacklog.set(s.outboxDue)
  outboxOldest.set(s.oldestDueSeconds)
  for (const kind of SEND_ERROR_KINDS) sendErrors.set({ kind }, s.sendErrorsLastHour[kind] ?? 0)
  for (const service of EXTERNAL_SERVICES) serviceFailures.set({ service }, s.failuresLastHour[service])
  queueDepth.reset()
  for (const [queue, depth] of Object.entries(s.jobQueueDepth)) queueDepth.set({ queue }, depth)
  heartbeatAge.set(s.workerSeenAt ? Math.max(0, Math.round((s.at.getTime() - s.workerSeenAt.getTime()) / 1000)) : -1)
  syncOk.set(s.lastSync ? (s.lastSync.ok ? 1 : 0) : -1)
  syncLastSuccess.set(s.lastSuccessfulSyncAt ? Math.floor(s.lastSuccessfulSyncAt.getTime() / 1000) : 0)
}

/** Compares in constant time (hashes first, so the lengths match too). */
function tokenMatches(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

/** The whole answer to GET /metrics: 404 when METRICS_TOKEN is unset, 401 without the right bearer token. */
export async function metricsResponse(
  request: Request,
  options: { token?: string; snapshot?: () => Promise<OperationsSnapshot> } = {},
): Promise<Response> {
  const expected = 'token' in options ? options.token : env().METRICS_TOKEN
  if (!expected) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const header = request.headers.get('authorization') ?? ''
  const given = /^Bearer [\x21-\x7e]{1,500}$/.test(header) ? header.slice(7) : ''
  if (!given || !tokenMatches(given, expected)) {
    return new Response('A valid bearer token is needed.', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  fill(await (options.snapshot ?? operationsSnapshot)())
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType } })
}
