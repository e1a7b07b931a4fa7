// Jobs that run on a timetable (cron, Europe/London) or are sent on demand.
import { purgeDeadSessions } from '~/admin/session.server'
import { purgeUnconfirmedLetters, sendReplySurveys, trackLetters } from '~/letters/progress.server'
import { directoryIsEmpty, syncMpsJob } from '~/mps/sync.server'
import { purgeUnconfirmedSignatures } from '~/petition/purge.server'
import { runRetention } from '~/retention/retention.server'
import { pruneOperations } from '~/operations/status.server'
import { purgeExpiredRateLimits } from '~/lib/rate-limit.server'

export interface ScheduledJob {
  name: string
  cron?: string
  run: () => Promise<unknown>
  /** Also run once when a worker starts, if this says so (a first sync of an empty MP directory). */
  runAtStartIf?: () => Promise<boolean>
}

export const scheduledJobs: ScheduledJob[] = [
  { name: 'purge-unconfirmed', cron: '15 3 * * *', run: purgeUnconfirmedSignatures },
  { name: 'sync-mps', cron: '40 4 * * *', run: syncMpsJob, runAtStartIf: directoryIsEmpty },
  { name: 'track-letters', cron: '* * * * *', run: trackLetters },
  { name: 'send-reply-surveys', cron: '20 * * * *', run: sendReplySurveys },
  { name: 'purge-unconfirmed-letters', cron: '25 3 * * *', run: purgeUnconfirmedLetters },
  { name: 'retention', cron: '35 3 * * *', run: () => runRetention() },
  { name: 'purge-campaigner-sessions', cron: '50 * * * *', run: () => purgeDeadSessions() },
  { name: 'prune-operations', cron: '55 3 * * *', run: () => pruneOperations() },
  { name: 'purge-expired-rate-limits', cron: '55 * * * *', run: purgeExpiredRateLimits },
]
