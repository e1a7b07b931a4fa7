// The built app as deployed behind one load balancer (TRUST_PROXY=on): the client's
// address is the right-most X-Forwarded-For entry, the one the balancer appended, so a
// client writing its own entries (rotating them per request) beats no limit and plants
// no address; and the local mailbox, run without a Resend key, answers only this machine.
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { rateRules } from '~/lib/rate-limit.server'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { testContext } from '../testing/context'
import { freePort } from '~/testing/free-port'


/** A form POST as the load balancer passes it on: whatever the client wrote, then the client's address. */
async function post(app: AppProcess, path: string, fields: Record<string, string>, forwardedFor: string, host = 'localhost') {
  const response = await fetch(`http://${host}:${app.port}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor, origin: `http://${host}:${app.port}` },
    body: new URLSearchParams(fields),
  })
  await response.arrayBuffer()
  return response
}

describe('behind one load balancer (production, TRUST_PROXY=on)', () => {
  let app: AppProcess

  beforeAll(async () => {
    ensureBuilt({ build: false })
    const { resend, postcodes, members, databaseUrl } = testContext()
    app = await startApp({
      port: await freePort(),
      databaseUrl,
      env: {
        TRUST_PROXY: 'on',
        RESEND_API_KEY: 're_proxy_key',
        RESEND_BASE_URL: resend.url,
        POSTCODES_IO_URL: postcodes.url,
        MEMBERS_API_URL: members.url,
        ADMIN_EMAIL: 'admin@campaign.test',
        ADMIN_PASSWORD: 'correct horse battery staple',
        WEB_CONCURRENCY: '1',
      },
    })
  }, 120_000)

  afterAll(async () => {
    await app?.stop()
  })

  it('stores the address the balancer appended, never one the client wrote', async () => {
    const signed = await post(app, '/?index', { name: 'Ada Lovelace', email: 'ada.proxy@example.org', postcode: 'RG1 1AA' }, '6.6.6.6, 10.0.0.1, 198.51.100.23')
    expect(signed.status).toBe(303)
    // A balancer sending garbage (or a wrong TRUST_PROXY) leaves the connection's own address, not the garbage.
    await post(app, '/?index', { name: 'Bob Proxy', email: 'bob.proxy@example.org', postcode: 'RG1 1AA' }, '198.51.100.24, unknown', '127.0.0.1')
    const rows = await prisma.signature.findMany({ where: { email: { in: ['ada.proxy@example.org', 'bob.proxy@example.org'] } }, orderBy: { email: 'asc' } })
    expect(rows.map((r) => r.ipAddress)).toEqual(['198.51.100.23', '127.0.0.1'])
  })

  it('counts a client that rotates the left-most X-Forwarded-For entry as itself', async () => {
    const { points } = rateRules.dataRequestsPerIp
    const ask = (i: number) => post(app, '/my-data', { email: `rotating${i}@example.org` }, `10.${i}.0.1, 203.0.113.10`)
    for (let i = 0; i < points; i++) expect((await ask(i)).status, `request ${i + 1}`).toBe(303)
    const refused = await ask(points)
    expect(refused.status).toBe(429)
    // Someone else behind the same balancer is not affected.
    expect((await post(app, '/my-data', { email: 'someone.else@example.org' }, '10.0.0.1, 203.0.113.11')).status).toBe(303)
  })

  it('counts every address of one IPv6 /64 as one client', async () => {
    const { points } = rateRules.dataRequestsPerIp
    const ask = (suffix: string, i: number) => post(app, '/my-data', { email: `six${i}@example.org` }, `2001:db8:77:1:${suffix}`)
    for (let i = 0; i < points; i++) expect((await ask(`${i + 1}::${i + 1}`, i)).status).toBe(303)
    expect((await ask('ffff:ffff:ffff:ffff', points)).status).toBe(429)
    expect((await post(app, '/my-data', { email: 'next64@example.org' }, '2001:db8:77:2::1')).status).toBe(303)
  })

  it('throttles password guesses from one network, rotating entries or not, while the owner signs in from hers', async () => {
    const guess = (password: string, forwardedFor: string) =>
      post(app, '/admin/sign-in', { email: 'admin@campaign.test', password, redirectTo: '/admin' }, forwardedFor)
    for (let i = 0; i < rateRules.loginPerAccountPerNetwork.points; i++) {
      expect((await guess('wrong guess here', `192.168.${i}.1, 203.0.113.66`)).status).toBe(401)
    }
    const throttled = await guess('correct horse battery staple', '1.1.1.1, 203.0.113.66')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    const owner = await guess('correct horse battery staple', '198.51.100.5')
    expect(owner.status).toBe(302)
    expect(owner.headers.get('set-cookie')).toMatch(/campaigner=/)
  })
})

/** An address of this machine other than loopback: a connection to it does not come from 127.0.0.1. */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address

describe('the local mailbox (quick start: development, no Resend key)', () => {
  let app: AppProcess

  beforeAll(async () => {
    ensureBuilt({ build: false })
    const { postcodes, members, databaseUrl } = testContext()
    app = await startApp({
      port: await freePort(),
      databaseUrl,
      env: { NODE_ENV: 'development', TRUST_PROXY: 'on', POSTCODES_IO_URL: postcodes.url, MEMBERS_API_URL: members.url, WEB_CONCURRENCY: '1', WORKER: 'off' },
    })
  }, 120_000)

  afterAll(async () => {
    await app?.stop()
  })

  it('is shown to this machine', async () => {
    const response = await fetch(`${app.url}/dev/mailbox`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Local mailbox')
  })

  it.skipIf(!outsideAddress)('is a 404 to any other connection, whatever X-Forwarded-For says', async () => {
    for (const forwardedFor of ['127.0.0.1', '::1', '198.51.100.9, 127.0.0.1']) {
      const response = await fetch(`http://${outsideAddress ?? ''}:${app.port}/dev/mailbox`, { headers: { 'x-forwarded-for': forwardedFor } })
      expect(response.status, forwardedFor).toBe(404)
      expect(await response.text()).not.toContain('Local mailbox')
    }
  })
})
