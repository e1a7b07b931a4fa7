// The worker: what happens after a request has answered. Email delivery,
// postcode lookups and the public count run as short loops; scheduled and
// one-off jobs run through pg-boss.
import { env } from '~/lib/env.server'
import { log } from '~/lib/log.server'
import { beat, HEARTBEAT_SECONDS, leave } from '~/operations/heartbeat.server'
import { deliverBatch } from '~/emails/outbox.server'
import { pauseSending, waitForSendSlot } from '~/mail/pace.server'
import { settleWebhookEvents } from '~/mail/webhooks.server'
import { queueMailshots } from '~/updates/mailshots.server'
import { queueBriefings } from '~/briefings/briefings.server'
import { flagBouncedBriefing } from '~/briefings/bounces.server'
import { refreshCounts } from '~/petition/counts.server'
import { locateSignatures } from '~/petition/locate.server'
import { createBoss } from './boss.server'
import { startLoop, type Loop } from './loop.server'
import { scheduledJobs } from './schedule.server'

export interface Worker {
  stop: () => Promise<void>
}

export async function startWorker(): Promise<Worker> {
  const boss = createBoss()
  await boss.start()
  for (const job of scheduledJobs) {
    await boss.createQueue(job.name)
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/London' })
    await boss.work(job.name, async ([task]) => {
      const started = Date.now()
      const where = { job: job.name, jobId: task?.id }
      log.info(where, `job ${job.name} started`)
      try {
        await job.run()
        log.info({ ...where, ms: Date.now() - started }, `job ${job.name} finished`)
      } catch (error) {
        log.error({ ...where, ms: Date.now() - started, err: error }, `job ${job.name} failed`)
        throw error // pg-boss retries it with backoff
      }
    })
    if (await job.runAtStartIf?.()) await boss.send(job.name, {}, { singletonKey: `${job.name}-at-start`, singletonSeconds: 600 })
  }

  const minGapMs = 1000 / env().RESEND_REQUESTS_PER_SECOND
  const loops: Loop[] = [
    // The dashboard's "worker heartbeat": a stale one means no worker is running.
    startLoop('heartbeat', HEARTBEAT_SECONDS * 1000, beat),
    // Paced to Resend's request rate across every worker process (one schedule in Postgres);
    // a 429 pauses all of them for as long as it asks.
    startLoop('deliver-emails', 500, async () => {
      const report = await deliverBatch({ beforeSend: waitForSendSlot(minGapMs) })
      if (report.pauseMs) {
        await pauseSending(report.pauseMs)
        return report.pauseMs
      }
      return report.claimed ? 0 : 500
    }),
    startLoop('settle-webhook-events', 5_000, async () => {
      await settleWebhookEvents(flagBouncedBriefing)
    }),
    // Campaign updates: the next chunk of the audience into the outbox, as it drains.
    startLoop('queue-mailshots', 2_000, queueMailshots),
    // MP briefings: the next few MPs' emails into the outbox, the same way.
    startLoop('queue-briefings', 2_000, queueBriefings),
    startLoop('refresh-counts', 2_000, async () => {
      await refreshCounts()
    }),
    startLoop('locate-signatures', 2_000, async () => {
      const located = await locateSignatures()
      return located ? 0 : 2_000
    }),
  ]

  return {
    stop: async () => {
      await Promise.all(loops.map((l) => l.stop()))
      await boss.stop({ graceful: true, timeout: 10_000 })
      await leave().catch(() => undefined)
    },
  }
}
