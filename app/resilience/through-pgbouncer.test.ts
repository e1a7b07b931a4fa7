// The built app as managed Postgres runs at scale: every process (two web processes and the
// worker) reaches Postgres through Debian's PgBouncer in transaction pooling mode, with
// DIRECT_DATABASE_URL for the migrations. Each transaction may land on a different server
// connection, so nothing per request may keep state in a session (named prepared statements,
// session advisory locks, SET, LISTEN): once, rate limits' named statements failed 1,100 of
// 1,890 signatures here. The petition and letter journeys run in Chromium, then a burst of
// 500 signatures from 50 connections: no errors, none lost, each confirmation sent once.
import { chromium, type Browser } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { firstAppLink } from '~/testing/email-links'
import { pgbouncerMissing, startPgBouncer, type Pooler } from '~/testing/pgbouncer'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { testContext } from '../testing/context'
import { sign, waitFor, waitForProgress, type Outcome } from './load'
import { freePort } from '~/testing/free-port'

const missing = pgbouncerMissing()
const isRoot = process.getuid?.() === 0
if (missing && !isRoot) console.warn(`Skipping the PgBouncer test: ${missing}`)


const BURST = 500
const CONNECTIONS = 50

describe.skipIf(missing && !isRoot)('through PgBouncer in transaction mode', () => {
  let pooler: Pooler | undefined
  let app: AppProcess | undefined
  let browser: Browser | undefined

  beforeAll(async () => {
    // As root (CI) a missing PgBouncer is a failure, not a skip: .ci/run installs it.
    if (missing) throw new Error(missing)
    ensureBuilt({ build: false })
    const { resend, postcodes, members, databaseUrl } = testContext()
    pooler = await startPgBouncer(databaseUrl, { serverConnections: 8 })
    const pooled = new URL(pooler.url)
    pooled.searchParams.set('pgbouncer', 'true') // Prisma's convention; harmless to node-postgres
    app = await startApp({
      port: await freePort(),
      databaseUrl: pooled.toString(),
      readyTimeoutMs: 180_000,
      env: {
        DIRECT_DATABASE_URL: databaseUrl,
        TRUST_PROXY: 'on',
        RESEND_API_KEY: 're_pgbouncer_key',
        RESEND_BASE_URL: resend.url,
        RESEND_REQUESTS_PER_SECOND: '20',
        POSTCODES_IO_URL: postcodes.url,
        MEMBERS_API_URL: members.url,
        WEB_CONCURRENCY: '2',
      },
    })
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await pooler?.stop()
  })

  const emailsTo = (address: string) => testContext().resend.emails.filter((e) => e.to.some((to) => to === address))
  const appUrl = () => `http://localhost:${app!.port}`

  it('signs, confirms and counts a signature', async () => {
    const page = await browser!.newPage({ baseURL: appUrl(), javaScriptEnabled: false })
    await page.goto('/')
    await page.getByLabel('Full name').fill('Bea Pooled')
    await page.getByLabel('Email', { exact: true }).fill('bea.pooled@example.org')
    await page.getByLabel('Postcode').fill('EH10 4BF')
    await page.getByRole('button', { name: /Sign/ }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    const [confirmation] = await waitFor('the confirmation email', async () => emailsTo('bea.pooled@example.org').length > 0 && emailsTo('bea.pooled@example.org'))
    await page.goto(firstAppLink(confirmation, appUrl()))
    await page.getByRole('button', { name: 'Confirm my signature' }).click()
    await page.getByRole('heading', { name: /your signature is confirmed/ }).waitFor()
    const counted = await waitFor('the public count', async () => {
      const json = (await (await fetch(`${app!.url}/petition.json`)).json()) as { signature_count: number }
      return json.signature_count === 1 && json
    })
    expect(counted.signature_count).toBe(1)
    await page.close()
  }, 60_000)

  it('writes a letter to an MP, confirms it and sends it to Resend', async () => {
    // The worker's first-start MP sync ran through pg-boss, through the pooler.
    await waitFor('the MP directory', async () => (await prisma.mp.count()) > 0, 30_000)
    const page = await browser!.newPage({ baseURL: appUrl(), javaScriptEnabled: false })
    await page.goto('/write')
    await page.getByLabel('Postcode').fill('EH10 4BF')
    await page.getByRole('button', { name: 'Find my MP' }).click()
    await page.getByLabel('Full name').fill('Lou Pooled')
    await page.getByLabel('Email', { exact: true }).fill('lou.pooled@example.org')
    await page.getByLabel('Address line 1').fill('3 Braid Road')
    await page.getByRole('button', { name: 'Preview my letter' }).click()
    await page.getByRole('button', { name: 'Send my letter' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    const [confirmation] = await waitFor('the letter confirmation', async () => emailsTo('lou.pooled@example.org').length > 0 && emailsTo('lou.pooled@example.org'))
    await page.goto(firstAppLink(confirmation, appUrl()))
    await page.getByRole('button', { name: /Send my letter to/ }).click()
    await page.getByRole('heading', { name: /your letter is on its way/ }).waitFor()
    const toMp = await waitFor('the letter to the MP', async () => {
      const sent = testContext().resend.emails.filter((e) => [e.reply_to].flat().includes('lou.pooled@example.org') && e.to.includes('ian.murray.mp@parliament.uk'))
      return sent.length > 0 && sent
    })
    expect(toMp).toHaveLength(1)
    await page.close()
  }, 90_000)

  it(`takes ${BURST} signatures from ${CONNECTIONS} connections with rate limits on: no errors, none lost, each confirmation sent once`, async () => {
    const outcomes: Outcome[] = []
    let started = 0
    const began = Date.now()
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, i) => {
        while (started < BURST) {
          started++
          // One network per connection, as behind a load balancer: every signature passes through the limits' upsert.
          outcomes.push(await sign(app!.url, 'pooled', { 'x-forwarded-for': `198.51.100.${i + 1}` }))
        }
      }),
    )
    const seconds = (Date.now() - began) / 1000
    const failures = outcomes.filter((o) => o.status !== 303)
    console.info(`through PgBouncer: ${BURST} signatures from ${CONNECTIONS} connections in ${seconds.toFixed(1)} s (${Math.round(BURST / seconds)}/s)`)
    expect(failures.map((o) => `${o.status} ${o.error ?? o.body?.slice(0, 200) ?? ''}`)).toEqual([])
    const emails = outcomes.map((o) => o.email)
    expect(await prisma.signature.count({ where: { email: { in: emails } } })).toBe(BURST)
    expect(await prisma.rateLimit.count({ where: { key: { startsWith: 'signaturesPerIp:198.51.100.' } } })).toBe(CONNECTIONS)

    await waitForProgress('every confirmation to be sent', () => prisma.email.count({ where: { status: { in: ['queued', 'sending'] } } }))
    const sent = testContext().resend.emails.filter((e) => e.to.some((to) => to.startsWith('pooled-'))).map((e) => e.to[0])
    expect(sent).toHaveLength(BURST)
    expect(new Set(sent).size).toBe(BURST)
    expect(pooler!.log()).not.toMatch(/prepared statement|advisory/i)
    expect(app!.output()).not.toMatch(/prepared statement .* (already exists|does not exist)/)
    // A generous bound: the waits above fail on a stall, not on a slow machine.
  }, 600_000)
})
