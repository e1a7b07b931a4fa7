// Postgres stops in the middle of a signing rush, then comes back. The app
// (the real production server, in its own process) must answer 503 with a
// friendly page while the database is away — never a 500, never hang — report
// 503 on /healthz, recover by itself, and every supporter who got the
// "check your email" redirect must have their signature stored.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/embedded-postgres'
import { testContext } from '../testing/context'
import { freePort } from '~/testing/free-port'
import { sign, signingLoad, sleep, waitFor } from './load'

// Chosen once: Postgres comes back on the same port after the outage.
const PG_PORT = await freePort()
const APP_PORT = await freePort()
const dir = path.join(os.tmpdir(), `duty-of-care-outage-${process.pid}-${Date.now()}`)
let postgres: EmbeddedDatabase
let app: AppProcess

const start = () => startEmbeddedPostgres({ dir, port: PG_PORT, database: 'outage' })

beforeAll(async () => {
  ensureBuilt({ build: false })
  postgres = await start()
  const { resend, postcodes, members } = testContext()
  app = await startApp({
    port: APP_PORT,
    databaseUrl: postgres.url,
    env: {
      TRUST_PROXY: 'on',
      RESEND_API_KEY: 're_outage_key',
      RESEND_BASE_URL: resend.url,
      POSTCODES_IO_URL: postcodes.url,
      MEMBERS_API_URL: members.url,
      WEB_CONCURRENCY: '2',
    },
  })
}, 120_000)

afterAll(async () => {
  await app?.stop()
  await postgres?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('Postgres stopped mid-load', () => {
  it('answers 503 fast while it is down, recovers without a restart, and loses no accepted signature', async () => {
    const pid = app.child.pid
    let stop = false
    const load = signingLoad(app.url, 'outage', 6, () => stop, 20)

    await sleep(2_000)
    await postgres.stop()
    const downAt = Date.now()

    // While it is down: the health check, the campaign page and the JSON all say 503.
    const health = await waitFor('/healthz to say 503', async () => {
      const r = await fetch(`${app.url}/healthz`)
      return r.status === 503 && r
    })
    expect(await health.json()).toEqual({ status: 'unavailable' })
    const page = await waitFor('the campaign page to say 503', async () => {
      const r = await fetch(`${app.url}/`, { headers: { accept: 'text/html' } })
      return r.status === 503 && r
    }, 15_000)
    expect(page.headers.get('retry-after')).toBeTruthy()
    expect(await page.text()).toContain('Sorry, we are very busy')
    await sleep(2_000)
    const downFor = Date.now() - downAt

    postgres = await start()
    await waitFor('/healthz to say 200 again', async () => (await fetch(`${app.url}/healthz`)).status === 200, 30_000)
    // Signing works again, through the same process.
    await waitFor('a signature to go through again', async () => (await sign(app.url, 'outage-after')).status === 303, 30_000)
    await sleep(1_000)
    stop = true
    const outcomes = await load.done
    expect(app.child.pid).toBe(pid)
    expect(app.child.exitCode).toBeNull()

    const accepted = outcomes.filter((o) => o.status === 303)
    const refused = outcomes.filter((o) => o.status === 503)
    // Never a server error of its own making, never a request left hanging.
    expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503), JSON.stringify(outcomes.find((o) => o.status >= 500 && o.status !== 503))).toEqual([])
    expect(outcomes.filter((o) => o.status === 0)).toEqual([])
    console.info(`outage: ${accepted.length} signatures accepted, ${refused.length} refused with 503 while Postgres was down for ${downFor} ms`)
    expect(accepted.length).toBeGreaterThan(10)
    expect(refused.length).toBeGreaterThan(0)
    // A refusal is a friendly page, not a stack trace; and it came back quickly, not after a client timeout.
    for (const o of refused) {
      expect(o.contentType).toMatch(/text\/html/)
      expect(o.body).toContain('Sorry, we are very busy')
      expect(o.ms).toBeLessThan(downFor + 10_000)
    }

    // Every supporter who was told "check your email" is in the database, with their confirmation queued.
    const client = new pg.Client({ connectionString: postgres.url })
    await client.connect()
    try {
      const { rows } = await client.query<{ email: string; emails: string }>(
        `SELECT s.email, count(e.id) AS emails FROM "Signature" s LEFT JOIN "Email" e ON e."signatureId" = s.id
         WHERE s.email = ANY($1) GROUP BY s.email`,
        [accepted.map((o) => o.email)],
      )
      expect(rows.length).toBe(accepted.length)
      expect(rows.every((r) => Number(r.emails) === 1)).toBe(true)
    } finally {
      await client.end()
    }
  }, 120_000)
})
