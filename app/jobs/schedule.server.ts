// Jobs that run on a timetable (cron, Europe/London) or are sent on demand.
import { purgeUnconfirmedSignatures } from '~/petition/purge.server'

export interface ScheduledJob {
  name: string
  cron?: string
  run: () => Promise<unknown>
}

export const scheduledJobs: ScheduledJob[] = [
  { name: 'purge-unconfirmed', cron: '15 3 * * *', run: purgeUnconfirmedSignatures },
]
