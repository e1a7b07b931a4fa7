// The built server's own output (production, one process): every line is a JSON object;
// each request gets one access line with its request id (an incoming X-Request-Id kept only
// when it looks like one); tokens, query strings and emails never reach the log; an expected
// 404 is logged without a stack trace. And /metrics through the real server and env.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { testContext } from '../testing/context'

const APP_PORT = 5231
const METRICS_TOKEN = 'metrics-token-for-the-log-test-0123'
const SECRET_TOKEN = 'Zq3xN8vLwP0aT6yHcR2mK9sD4fG7jB1eU5iO0pA_-xy'
const EMAIL = 'lena.logs@example.org'
let app: AppProcess

beforeAll(async () => {
  ensureBuilt({ build: false })
  const { resend, postcodes, members, databaseUrl } = testContext()
  app = await startApp({
    port: APP_PORT,
    databaseUrl,
    env: {
      RESEND_API_KEY: 're_logs_key',
      RESEND_BASE_URL: resend.url,
      POSTCODES_IO_URL: postcodes.url,
      MEMBERS_API_URL: members.url,
      WEB_CONCURRENCY: '1',
      METRICS_TOKEN,
    },
  })
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

const lines = () =>
  app
    .output()
    .split('\n')
    .filter((l) => l.trim())

function accessLine(requestId: string) {
  return lines()
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((l) => l.msg === 'request' && l.requestId === requestId)
}

async function waitForAccessLine(requestId: string) {
  for (let i = 0; i < 40 && !accessLine(requestId); i++) await new Promise((r) => setTimeout(r, 50))
  return accessLine(requestId)
}

describe('the server’s log', () => {
  it('is JSON, one access line per request with its id, and never a token, a query string or an email', async () => {
    const confirm = await fetch(`${app.url}/petition/confirm/${SECRET_TOKEN}?utm_source=${encodeURIComponent(EMAIL)}`, { headers: { 'x-request-id': 'test-confirm-0001' } })
    await confirm.arrayBuffer()
    expect(confirm.headers.get('x-request-id')).toBe('test-confirm-0001')

    const sign = await fetch(`${app.url}/?index`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url, 'x-request-id': 'test-sign-0001' },
      body: new URLSearchParams({ name: 'Lena Logs', email: EMAIL, postcode: 'RG1 1AA' }),
    })
    await sign.arrayBuffer()
    expect(sign.status).toBe(303)

    const mangled = await fetch(`${app.url}/privacy`, { headers: { 'x-request-id': 'not an id\u00e9 {"level":"fatal"}' } })
    await mangled.arrayBuffer()
    const generated = mangled.headers.get('x-request-id')!
    expect(generated).toMatch(/^[0-9a-f-]{36}$/)

    const missing = await fetch(`${app.url}/no-such-page`, { headers: { 'x-request-id': 'test-missing-0001', accept: 'text/html' } })
    await missing.arrayBuffer()
    expect(missing.status).toBe(404)

    expect(await waitForAccessLine('test-confirm-0001')).toMatchObject({ level: 'info', method: 'GET', path: '/petition/confirm/:token', status: confirm.status })
    expect(await waitForAccessLine('test-sign-0001')).toMatchObject({ method: 'POST', path: '/', status: 303 })
    expect(await waitForAccessLine(generated)).toMatchObject({ path: '/privacy', status: 200 })
    const notFound = await waitForAccessLine('test-missing-0001')
    expect(notFound).toMatchObject({ path: '/no-such-page', status: 404 })
    expect(typeof notFound?.ms).toBe('number')

    const all = lines()
    for (const line of all) expect(() => JSON.parse(line), line).not.toThrow()
    for (const line of all.map((l) => JSON.parse(l) as Record<string, unknown>)) {
      expect(typeof line.time).toBe('string')
      expect(typeof line.level).toBe('string')
      expect(typeof line.msg).toBe('string')
    }
    const text = all.join('\n')
    expect(text).not.toContain(SECRET_TOKEN)
    expect(text).not.toContain('lena.logs')
    expect(text).not.toContain('utm_source')
    expect(text).not.toContain('"level":"fatal"')
    // The 404 is one line, not a stack trace.
    const about404 = all.filter((l) => l.includes('test-missing-0001'))
    expect(about404.join('\n')).not.toMatch(/stack|\n\s+at /)
  })

  it('serves /metrics only with the bearer token', async () => {
    const without = await fetch(`${app.url}/metrics`)
    await without.arrayBuffer()
    expect(without.status).toBe(401)
    const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })
    await wrong.arrayBuffer()
    expect(wrong.status).toBe(401)
    const right = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(right.status).toBe(200)
    const text = await right.text()
    expect(text).toMatch(/^dutyofcare_signatures\{state="confirmed",pid="\d+"\} \d+$/m)
    expect(text).toContain('# TYPE dutyofcare_outbox_backlog gauge')
    expect(text).toContain('# TYPE dutyofcare_job_queue_depth gauge')
    expect(right.headers.get('cache-control')).toContain('no-store')
  })
})
