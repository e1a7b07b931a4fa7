// Operations on a real database: /metrics (token, names, values after signing), the
// System status lines (a failed MP sync with its reason, a stale worker heartbeat),
// and failures of outside services recorded where every process can see them.
import { beforeEach, describe, expect, it } from 'vitest'
import { lookupPostcode } from '~/constituencies/postcodes-io.server'
import { prisma } from '~/lib/db.server'
import { deliverAllDue } from '~/emails/outbox.server'
import { lastSyncRun, recordedSyncMps } from '~/mps/sync.server'
import { confirmSignature } from '~/petition/confirm.server'
import { refreshCounts } from '~/petition/counts.server'
import { signPetition } from '~/petition/sign.server'
import { testContext } from '~/testing/context'
import { makeOutboxDue } from '~/testing/outbox'
import { resendError } from '~/testing/stubs/resend-stub'
import { metricsResponse } from './metrics.server'
import { readOperationsSnapshot } from './snapshot.server'
import { statusLines } from './status.server'

const TOKEN = 'metrics-token-for-tests-0123456789'
const fast = { retryBaseMs: 5, timeoutMs: 2_000, attempts: 2 }
const scrape = (authorization?: string, { token }: { token?: string } = { token: TOKEN }) =>
  metricsResponse(new Request('http://campaign.test/metrics', { headers: authorization ? { authorization } : {} }), { token, snapshot: readOperationsSnapshot })

/** The value of one sample line, e.g. `dutyofcare_signatures{state="confirmed"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name.replace(/}$/, ',')}`) || (name.endsWith('}') && l.startsWith(name.slice(0, -1))))
  return line ? Number(line.split(' ').at(-1)) : undefined
}

beforeEach(async () => {
  const { members, postcodes, resend } = testContext()
  members.reset()
  postcodes.setMode('up')
  resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "PetitionCount", "ConstituencyCount", "MpSyncRun", "ServiceFailure", "WorkerHeartbeat", "Mp", "Setting" CASCADE`
})

describe('GET /metrics', () => {
  it('is not there without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
    expect((await scrape(`Bearer ${TOKEN}`, { token: undefined })).status).toBe(404)
    const missing = await scrape()
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect((await scrape('Bearer not-the-token')).status).toBe(401)
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401)
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401)
  })

  it('reports signatures, letters, the outbox and failures read from the database', async () => {
    await signPetition({ name: 'Priya Shah', email: 'priya@example.org', postcode: 'RG1 1AA', optIn: false })
    await signPetition({ name: 'Sam Lee', email: 'sam@example.org', postcode: 'RG1 1AA', optIn: false })
    await refreshCounts()
    let text = await (await scrape(`Bearer ${TOKEN}`)).text()
    expect(sample(text, 'dutyofcare_signatures{state="pending"}')).toBe(2)
    expect(sample(text, 'dutyofcare_signatures{state="confirmed"}')).toBe(0)
    expect(sample(text, 'dutyofcare_signatures_accepted')).toBe(2)
    expect(sample(text, 'dutyofcare_outbox_backlog')).toBe(2)
    expect(sample(text, 'dutyofcare_emails{status="queued"}')).toBe(2)

    // Resend fails once (a 500): counted by kind; then the emails go.
    testContext().resend.failNext(resendError(500, 'internal_server_error', 'Something went wrong'))
    await deliverAllDue()
    await makeOutboxDue()
    await deliverAllDue()
    const link = testContext().resend.emails.map((e) => e.html?.match(/\/petition\/confirm\/([A-Za-z0-9_-]+)/)?.[1]).find(Boolean)
    await confirmSignature(link)
    await refreshCounts()

    const response = await scrape(`Bearer ${TOKEN}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    text = await response.text()
    expect(sample(text, 'dutyofcare_signatures{state="confirmed"}')).toBe(1)
    expect(sample(text, 'dutyofcare_signatures{state="pending"}')).toBe(1)
    expect(sample(text, 'dutyofcare_outbox_backlog')).toBe(0)
    expect(sample(text, 'dutyofcare_outbox_oldest_due_age_seconds')).toBe(0)
    expect(sample(text, 'dutyofcare_email_send_errors_last_hour{kind="server_error"}')).toBe(1)
    expect(sample(text, 'dutyofcare_external_service_failures_last_hour{service="resend"}')).toBe(1)
    expect(sample(text, 'dutyofcare_letters{state="sent"}')).toBe(0)
    for (const name of ['dutyofcare_job_queue_depth', 'dutyofcare_worker_heartbeat_age_seconds', 'dutyofcare_mp_sync_last_run_ok', 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes']) {
      expect(text).toContain(`# TYPE ${name}`)
    }
    // Nothing personal in the metrics.
    expect(text).not.toContain('example.org')
  })
})

describe('System status', () => {
  it('shows a failed MP sync with its reason, on the dashboard and as the last run', async () => {
    testContext().members.setMode('down')
    await expect(recordedSyncMps(fast)).rejects.toThrow()
    const run = await lastSyncRun()
    expect(run).toMatchObject({ ok: false })
    expect(run?.error).toMatch(/503/)

    const lines = statusLines(await readOperationsSnapshot())
    const sync = lines.find((l) => l.id === 'mp-sync')!
    expect(sync.level).toBe('problem')
    expect(sync.summary).toContain('The last sync failed')
    expect(sync.summary).toContain('503')
    expect(sync.summary).toContain('never synced successfully')
    expect(sync.advice).toContain('npm run mps:sync')
    // Every failed call to the Members API is recorded, and shown.
    const parliament = lines.find((l) => l.id === 'members-api')!
    expect(parliament.level).toBe('warning')
    expect(parliament.summary).toMatch(/^\d+ failed calls? in the last hour/)

    testContext().members.setMode('up')
    await recordedSyncMps(fast)
    const after = statusLines(await readOperationsSnapshot()).find((l) => l.id === 'mp-sync')!
    expect(after.level).toBe('ok')
    expect(after.summary).toMatch(/^Synced less than a minute ago: 30 MPs/)
  })

  it('warns when the worker heartbeat is stale, and is calm when it is fresh', async () => {
    let worker = statusLines(await readOperationsSnapshot()).find((l) => l.id === 'worker')!
    expect(worker.level).toBe('problem')
    expect(worker.summary).toBe('No worker has reported in the last day.')

    await prisma.workerHeartbeat.create({ data: { id: 'host:1', startedAt: new Date(Date.now() - 3_600_000), seenAt: new Date(Date.now() - 5 * 60_000) } })
    worker = statusLines(await readOperationsSnapshot()).find((l) => l.id === 'worker')!
    expect(worker.level).toBe('problem')
    expect(worker.summary).toContain('No worker has reported for 5 minutes')
    expect(worker.advice).toContain('npm run worker')

    await prisma.workerHeartbeat.update({ where: { id: 'host:1' }, data: { seenAt: new Date() } })
    worker = statusLines(await readOperationsSnapshot()).find((l) => l.id === 'worker')!
    expect(worker.level).toBe('ok')
  })

  it('records postcodes.io failures (not unknown postcodes) and says what they mean', async () => {
    const { postcodes } = testContext()
    expect(await lookupPostcode('ZZ9 9ZZ')).toBeNull()
    expect(await prisma.serviceFailure.count()).toBe(0)
    postcodes.setMode('down')
    await expect(lookupPostcode('RG1 1AA')).rejects.toThrow(/503/)
    const failure = await prisma.serviceFailure.findFirstOrThrow()
    expect(failure).toMatchObject({ service: 'postcodes.io', kind: 'server_error', detail: 'answered 503' })
    const line = statusLines(await readOperationsSnapshot()).find((l) => l.id === 'postcodes.io')!
    expect(line.level).toBe('warning')
    expect(line.summary).toContain('1 failed call in the last hour')
    expect(line.advice).toContain('nothing is lost')
  })

  it('says when emails are waiting too long', async () => {
    await signPetition({ name: 'Priya Shah', email: 'priya@example.org', postcode: 'RG1 1AA', optIn: false })
    await prisma.$executeRaw`UPDATE "Email" SET "createdAt" = now() - interval '40 minutes'`
    const line = statusLines(await readOperationsSnapshot()).find((l) => l.id === 'outbox')!
    expect(line.level).toBe('problem')
    expect(line.summary).toContain('1 email waiting to be sent; the oldest has waited 40 minutes')
  })
})
