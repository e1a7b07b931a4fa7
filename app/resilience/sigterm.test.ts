// SIGTERM in the middle of a signing rush (a deploy, a scale-down): the server
// stops accepting new connections, finishes the requests it has started —
// even one whose body is still arriving — the worker finishes or releases its
// batch, and the process exits cleanly with nothing half-done.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { testContext } from '../testing/context'
import { freePort } from '~/testing/free-port'
import { signingLoad, sleep, supporter, waitFor } from './load'

const APP_PORT = await freePort()
let app: AppProcess

beforeAll(async () => {
  ensureBuilt({ build: false })
  const { resend, postcodes, members, databaseUrl } = testContext()
  resend.limitRate(5)
  app = await startApp({
    port: APP_PORT,
    databaseUrl,
    env: {
      TRUST_PROXY: 'on',
      RESEND_API_KEY: 're_sigterm_key',
      RESEND_BASE_URL: resend.url,
      POSTCODES_IO_URL: postcodes.url,
      MEMBERS_API_URL: members.url,
      WEB_CONCURRENCY: '2',
    },
  })
}, 120_000)

afterAll(async () => {
  await app?.stop('SIGKILL')
})

/** A form POST whose body arrives in two halves, `gapMs` apart. */
function slowSign(gapMs: number, secondHalf: Promise<void>) {
  const who = supporter('slow')
  const body = new URLSearchParams(who).toString()
  return new Promise<{ email: string; status: number; location?: string }>((resolve, reject) => {
    const req = http.request(`${app.url}/?index`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': '198.51.100.77' },
    })
    req.on('response', (res) => {
      res.resume()
      resolve({ email: who.email, status: res.statusCode ?? 0, location: res.headers.location })
    })
    req.on('error', reject)
    req.write(body.slice(0, 20))
    void secondHalf.then(() => sleep(gapMs)).then(() => req.end(body.slice(20)))
  })
}

describe('SIGTERM during load', () => {
  it('stops accepting, finishes in-flight requests and batches, and exits cleanly', async () => {
    const { resend } = testContext()
    let stop = false
    const load = signingLoad(app.url, 'sigterm', 6, () => stop)
    // The worker's first batch waits for its start-up (queue, MP sync): on a busy 2-core run that took over 20 s.
    await waitFor('emails to start going out', async () => resend.emails.length > 0, 60_000)

    let releaseSecondHalf!: () => void
    const slow = slowSign(0, new Promise<void>((r) => (releaseSecondHalf = r)))
    // Answers on the fast path are logged as one line per 10 s (decision 082): the last, partial interval must not be lost.
    for (let i = 0; i < 3; i++) expect((await fetch(`${app.url}/petition.json`)).status).toBe(200)
    await sleep(300) // the slow request is in, its body half-sent

    app.child.kill('SIGTERM')
    await sleep(1_000)
    // No new connections are taken.
    const late = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0)
    expect(late).toBe(0)
    // …but the request that was already in finishes.
    releaseSecondHalf()
    const slowResult = await slow
    expect(slowResult).toMatchObject({ status: 303, location: '/petition/signed' })

    const exit = await app.exited
    stop = true
    const outcomes = await load.done
    expect(exit).toEqual({ code: 0, signal: null })
    expect(app.output()).toContain('SIGTERM: finishing in-flight work')
    expect(app.output()).toContain('requests answered on the fast path')

    const answered = outcomes.filter((o) => o.status !== 0)
    console.info(`sigterm: ${answered.length} requests answered, ${outcomes.length - answered.length} refused at the door after SIGTERM`)
    // Every request that got an answer got a proper one: no 5xx, no half-written response.
    expect(answered.filter((o) => o.status !== 303).map((o) => `${o.status} ${o.contentType ?? ''}`)).toEqual([])
    // Refused ones were refused at the door (no connection), never cut off mid-response.
    for (const o of outcomes.filter((o) => o.status === 0)) expect(o.error).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|other side closed/)

    // A request without an answer was never processed (an in-flight one would have been finished).
    expect(await prisma.signature.count({ where: { email: { in: outcomes.filter((o) => o.status === 0).map((o) => o.email) } } })).toBe(0)
    // Nothing half-done: every accepted signature is stored with its confirmation email…
    const accepted = [...answered.map((o) => o.email), slowResult.email]
    const stored = await prisma.signature.findMany({ where: { email: { in: accepted } }, include: { emails: true } })
    expect(stored.length).toBe(accepted.length)
    expect(stored.every((s) => s.emails.length === 1)).toBe(true)
    // …no signature exists without one…
    expect(await prisma.signature.count({ where: { emails: { none: {} } } })).toBe(0)
    // …and the worker left no batch claimed: each email is sent or back in the queue, never stuck "sending".
    expect(await prisma.email.count({ where: { status: 'sending' } })).toBe(0)
    const sent = await prisma.email.findMany({ where: { status: 'sent' }, select: { to: true } })
    expect(new Set(resend.emails.map((e) => e.to[0]))).toEqual(new Set(sent.map((e) => e.to)))
  }, 120_000)
})
