// Past one machine: two app instances (as two web machines behind a load balancer:
// TRUST_PROXY=on, WORKER=off, two web processes each, their own ports) and two
// `npm run worker` processes, all on one database. A limit reached through one machine
// holds on the other, and under a burst of signatures split between the machines every
// confirmation email is sent exactly once, whichever worker claims it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { rateRules } from '~/lib/rate-limit.server'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { testContext } from '../testing/context'
import { sign, waitForProgress, type Outcome } from './load'
import { freePort } from '~/testing/free-port'


/** A form POST as the load balancer passes it on to one machine. */
async function post(app: AppProcess, path: string, fields: Record<string, string>, forwardedFor: string) {
  const response = await fetch(`http://localhost:${app.port}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams(fields),
  })
  await response.arrayBuffer()
  return response
}

const BURST = 200

describe('two web machines and two workers on one database', () => {
  const machines: AppProcess[] = []
  const workers: AppProcess[] = []

  beforeAll(async () => {
    ensureBuilt({ build: false })
    const { resend, postcodes, members, databaseUrl } = testContext()
    const shared = {
      // One public address for every machine, as behind one load balancer.
      APP_URL: 'https://campaign.example',
      TRUST_PROXY: 'on',
      RESEND_API_KEY: 're_many_machines',
      RESEND_BASE_URL: resend.url,
      RESEND_REQUESTS_PER_SECOND: '20',
      POSTCODES_IO_URL: postcodes.url,
      MEMBERS_API_URL: members.url,
    }
    // One at a time: each runs the migrations (a no-op here) before it listens.
    for (let i = 0; i < 2; i++) machines.push(await startApp({ port: await freePort(), databaseUrl, readyTimeoutMs: 180_000, env: { ...shared, WORKER: 'off', WEB_CONCURRENCY: '2' } }))
    for (let i = 0; i < 2; i++) workers.push(await startApp({ entry: 'server/worker.ts', port: await freePort(), databaseUrl, readyTimeoutMs: 180_000, env: shared }))
  }, 600_000)

  afterAll(async () => {
    await Promise.all([...machines, ...workers].map((p) => p.stop()))
  })

  it('holds a limit reached through machine A on machine B', async () => {
    const [a, b] = machines
    const { points } = rateRules.dataRequestsPerIp
    for (let i = 0; i < points; i++) expect((await post(a, '/my-data', { email: `roaming${i}@example.org` }, '203.0.113.50')).status, `request ${i + 1} via A`).toBe(303)
    const refused = await post(b, '/my-data', { email: 'roaming-over@example.org' }, '203.0.113.50')
    expect(refused.status).toBe(429)
    // Someone else through B is not affected.
    expect((await post(b, '/my-data', { email: 'someone.else@example.org' }, '203.0.113.51')).status).toBe(303)
  })

  it(`sends each of ${BURST} confirmations exactly once, the burst split between the machines and the workers`, async () => {
    const outcomes: Outcome[] = []
    let started = 0
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        while (started < BURST) {
          const n = started++
          // The load balancer alternates; each loop is one client network.
          outcomes.push(await sign(machines[n % 2].url, 'fleet', { 'x-forwarded-for': `198.51.100.${i + 1}` }))
        }
      }),
    )
    expect(outcomes.filter((o) => o.status !== 303).map((o) => `${o.status} ${o.error ?? o.body?.slice(0, 200) ?? ''}`)).toEqual([])
    expect(await prisma.signature.count({ where: { email: { startsWith: 'fleet-' } } })).toBe(BURST)

    await waitForProgress('every confirmation to be sent', () => prisma.email.count({ where: { status: { in: ['queued', 'sending'] } } }))
    const sent = testContext().resend.emails.filter((e) => e.to[0].startsWith('fleet-')).map((e) => e.to[0])
    expect(sent).toHaveLength(BURST)
    expect(new Set(sent).size).toBe(BURST)
    expect(await prisma.email.count({ where: { to: { startsWith: 'fleet-' }, status: 'sent' } })).toBe(BURST)
  }, 600_000)
})
