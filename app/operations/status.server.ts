// The dashboard's "System status": one line per part that can fail silently, each
// saying in plain English what is wrong and what to do about it.
import { prisma } from '~/lib/db.server'
import { pruneServiceFailures, type ExternalService } from '~/lib/service-failures.server'
import { pruneHeartbeats, STALE_AFTER_SECONDS } from './heartbeat.server'
import { EXTERNAL_SERVICES, operationsSnapshot, type OperationsSnapshot } from './snapshot.server'

export type StatusLevel = 'ok' | 'warning' | 'problem'

export interface StatusLine {
  id: 'mp-sync' | 'outbox' | 'worker' | ExternalService
  label: string
  level: StatusLevel
  /** What is the case, in a sentence. */
  summary: string
  /** What to do about it (only when something is wrong). */
  advice?: string
}

/** An email waiting this long is late; this long, something is broken. */
const OUTBOX_LATE_SECONDS = 5 * 60
const OUTBOX_STUCK_SECONDS = 30 * 60
/** The sync runs daily: two days without a good one means the job is not running. */
const SYNC_STALE_HOURS = 48
/** A sync still "running" after this long died without saying so (a killed process). */
const SYNC_LOST_MINUTES = 15

const SERVICE_NAMES: Record<ExternalService, string> = { 'postcodes.io': 'postcodes.io', 'members-api': 'UK Parliament Members API', resend: 'Resend (email)' }
const SERVICE_ADVICE: Record<ExternalService, string> = {
  'postcodes.io': 'Supporters writing to their MP may be told to try again later, and new signatures wait to be placed in a constituency. Check https://status.postcodes.io and POSTCODES_IO_URL; nothing is lost, lookups are retried.',
  'members-api': 'The MP directory cannot be refreshed. Letters still go to MPs already in the directory. Check MEMBERS_API_URL and that Parliament’s Members API answers; the sync retries by itself.',
  resend: 'Emails are kept in the outbox and retried, so nothing is lost, but they may arrive late. Check https://resend-status.com, the RESEND_API_KEY and the sending domain in Resend.',
}

export function minutesAgo(from: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - from.getTime()) / 60_000)
  if (minutes < 1) return 'less than a minute ago'
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} hours ago`
  return `${Math.round(hours / 24)} days ago`
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`
  if (seconds < 7200) return `${Math.round(seconds / 60)} minutes`
  return `${Math.round(seconds / 3600)} hours`
}

export function mpSyncLine(s: OperationsSnapshot): StatusLine {
  const label = 'MP directory sync'
  const run = s.lastSync
  const lastGood = s.lastSuccessfulSyncAt ? ` The last good sync was ${minutesAgo(s.lastSuccessfulSyncAt, s.at)}.` : ' It has never synced successfully.'
  if (!run) {
    return { id: 'mp-sync', label, level: 'warning', summary: 'The MP directory has never been synced, so supporters cannot find their MP.', advice: 'The worker syncs it when it first starts and every day at 04:40. Check that a worker is running, or run `npm run mps:sync`.' }
  }
  if (run.ok === null) {
    if (s.at.getTime() - run.startedAt.getTime() < SYNC_LOST_MINUTES * 60_000) return { id: 'mp-sync', label, level: 'ok', summary: `A sync started ${minutesAgo(run.startedAt, s.at)} and is still running.` }
    return { id: 'mp-sync', label, level: 'problem', summary: `A sync started ${minutesAgo(run.startedAt, s.at)} and never finished (its process stopped).${lastGood}`, advice: 'Run `npm run mps:sync` to sync now and see what it says.' }
  }
  if (run.ok === false) {
    return {
      id: 'mp-sync',
      label,
      level: 'problem',
      summary: `The last sync failed ${minutesAgo(run.finishedAt ?? run.startedAt, s.at)}: ${run.error ?? 'no reason recorded'}.${lastGood}`,
      advice: 'Letters still go to the MPs already in the directory. Check MEMBERS_API_URL and that Parliament’s Members API answers, then run `npm run mps:sync` (the daily job also retries).',
    }
  }
  const when = run.finishedAt ?? run.startedAt
  const summary = `Synced ${minutesAgo(when, s.at)}: ${run.members ?? 0} MPs, ${run.changes ?? 0} change${run.changes === 1 ? '' : 's'}.`
  if (s.at.getTime() - when.getTime() > SYNC_STALE_HOURS * 3_600_000) {
    return { id: 'mp-sync', label, level: 'warning', summary: `${summary} That is more than two days ago: the daily sync is not running.`, advice: 'Check that a worker is running; `npm run mps:sync` syncs now.' }
  }
  return { id: 'mp-sync', label, level: 'ok', summary }
}

export function outboxLine(s: OperationsSnapshot): StatusLine {
  const label = 'Email outbox'
  if (!s.outboxDue) return { id: 'outbox', label, level: 'ok', summary: 'No emails waiting to be sent.' }
  const summary = `${s.outboxDue.toLocaleString('en-GB')} email${s.outboxDue === 1 ? '' : 's'} waiting to be sent; the oldest has waited ${duration(s.oldestDueSeconds)}.`
  if (s.oldestDueSeconds < OUTBOX_LATE_SECONDS) return { id: 'outbox', label, level: 'ok', summary }
  return {
    id: 'outbox',
    label,
    level: s.oldestDueSeconds < OUTBOX_STUCK_SECONDS ? 'warning' : 'problem',
    summary: `${summary} Supporters are waiting for their confirmation emails.`,
    advice: 'Check the worker heartbeat and Resend’s errors below. A big rush drains at the account’s rate (RESEND_REQUESTS_PER_SECOND × 100 emails a second).',
  }
}

export function workerLine(s: OperationsSnapshot): StatusLine {
  const label = 'Worker'
  const advice = 'Without a worker no email is sent, the count stops updating and postcodes are not looked up. Start one (`npm start` with WORKER=on, or `npm run worker`) and look at its log.'
  if (!s.workerSeenAt) return { id: 'worker', label, level: 'problem', summary: 'No worker has reported in the last day.', advice }
  const age = Math.round((s.at.getTime() - s.workerSeenAt.getTime()) / 1000)
  if (age > STALE_AFTER_SECONDS) return { id: 'worker', label, level: 'problem', summary: `No worker has reported for ${duration(age)} (last seen ${minutesAgo(s.workerSeenAt, s.at)}).`, advice }
  return { id: 'worker', label, level: 'ok', summary: `${s.workers} worker${s.workers === 1 ? '' : 's'} running; last heartbeat ${minutesAgo(s.workerSeenAt, s.at)}.` }
}

export function serviceLine(s: OperationsSnapshot, service: ExternalService): StatusLine {
  const label = SERVICE_NAMES[service]
  const failures = s.failuresLastHour[service]
  if (!failures) return { id: service, label, level: 'ok', summary: 'No errors in the last hour.' }
  const last = s.lastFailure[service]
  return {
    id: service,
    label,
    level: 'warning',
    summary: `${failures} failed call${failures === 1 ? '' : 's'} in the last hour${last ? `, the latest ${minutesAgo(last.at, s.at)} (${last.kind.replace('_', ' ')}: ${last.detail})` : ''}.`,
    advice: SERVICE_ADVICE[service],
  }
}

export function statusLines(s: OperationsSnapshot): StatusLine[] {
  return [mpSyncLine(s), outboxLine(s), workerLine(s), ...EXTERNAL_SERVICES.map((service) => serviceLine(s, service))]
}

export async function systemStatus(): Promise<StatusLine[]> {
  return statusLines(await operationsSnapshot())
}

/** Daily: old service failures, heartbeats of workers long gone, sync runs beyond the last 100. */
export async function pruneOperations(now = new Date()) {
  await pruneServiceFailures(now)
  await pruneHeartbeats(now)
  await prisma.$executeRaw`DELETE FROM "MpSyncRun" WHERE id NOT IN (SELECT id FROM "MpSyncRun" ORDER BY "startedAt" DESC LIMIT 100)`
}
