// Bad input at every door. fast-check drives real HTTP requests at the
// production server: every route in the build's manifest (so new routes are
// covered as they land), every form found on its pages, with missing and extra
// fields, oversized values, wrong content types, invalid UTF-8, null bytes,
// control characters, script and SQL payloads, malformed cookies, tokens and
// headers. The answer must be a 4xx with a message (or the normal 2xx/3xx):
// never a 5xx, never a reflected or stored script.
import fc from 'fast-check'
import net from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { readClientManifest, routePath } from '../../scripts/bench/client-manifest'
import { testContext } from '../testing/context'
import { freePort } from '~/testing/free-port'

const APP_PORT = await freePort()
/**
 * Written only by signed-in campaigners (their own words, always rendered escaped —
 * the fuzz checks every page and email for that) or holding counter keys never shown
 * to anyone: left out of the "nothing the public sent is stored as a script" scan.
 */
const CAMPAIGNER_TABLES = ['Mailshot', 'LetterTemplate', 'AuditEntry', 'Setting', 'Milestone', 'Campaigner', 'CampaignerSession', 'PasswordToken', 'Invalidation', 'RateLimit']
const MARKER = 'fuzzxss'
const RUNS = Number(process.env.FUZZ_RUNS ?? 80)
let app: AppProcess

interface Target {
  path: string
  hasAction: boolean
  fields: string[]
  /** Hidden fields' values as the page gave them (ids, redirect targets…). */
  hidden?: Record<string, string>
  /** A signed-in campaigner's session cookie: the admin pages fuzzed from the inside. */
  session?: string
}
let targets: Target[] = []

interface Sent {
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer
  chunked?: boolean
}

interface Got {
  status: number
  contentType: string
  body: string
  headers?: Record<string, string>
}

/** Raw HTTP/1.1 over a socket, so headers and bodies can be as broken as an attacker likes. */
function send(req: Sent): Promise<Got> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(APP_PORT, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.setTimeout(20_000, () => socket.destroy(new Error(`timed out: ${describeRequest(req)}`)))
    socket.on('data', (c: Buffer) => chunks.push(c))
    let failure: NodeJS.ErrnoException | undefined
    let headBytes = 0
    // Refused before the body was all sent (413, 431…) and closed under us: the answer, if one came, is what counts.
    socket.on('error', (error: NodeJS.ErrnoException) => (failure = error))
    socket.on('close', () => {
      try {
        resolve(parseResponse(Buffer.concat(chunks)))
      } catch (error) {
        // Refused so early (headers over 16 KB → 431, body over 256 KB → 413) that the close beat the answer: still a refusal.
        const oversized = headBytes > 16 * 1024 || (req.body?.length ?? 0) > 256 * 1024
        if (failure && !chunks.length && oversized && ['ECONNRESET', 'EPIPE'].includes(failure.code ?? '')) resolve({ status: 413, contentType: 'text/plain', body: 'connection reset while refusing an oversized request' })
        else reject(failure && !chunks.length ? failure : error)
      }
    })
    const head = [`${req.method} ${req.path} HTTP/1.1`, `Host: localhost:${APP_PORT}`, 'Connection: close', ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`)]
    const headBuffer = Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1')
    headBytes = headBuffer.length
    socket.write(headBuffer)
    if (!req.body) return
    if (req.chunked) {
      for (let i = 0; i < req.body.length; i += 16 * 1024) {
        const part = req.body.subarray(i, i + 16 * 1024)
        socket.write(Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]))
      }
      socket.write('0\r\n\r\n')
    } else socket.write(req.body)
  })
}

function parseResponse(raw: Buffer): Got {
  const split = raw.indexOf('\r\n\r\n')
  if (split < 0) throw new Error(`no complete response: ${JSON.stringify(raw.subarray(0, 200).toString('latin1'))}`)
  const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n')
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
  const cookies = lines.filter((l) => /^set-cookie:/i.test(l)).map((l) => l.slice(l.indexOf(':') + 1).trim().split(';')[0])
  if (cookies.length) headers['set-cookie'] = cookies.join('; ')
  let body = raw.subarray(split + 4)
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const parts: Buffer[] = []
    for (let at = 0; ; ) {
      const eol = body.indexOf('\r\n', at)
      const size = Number.parseInt(body.subarray(at, eol).toString('latin1'), 16)
      if (!size) break
      parts.push(body.subarray(eol + 2, eol + 2 + size))
      at = eol + 2 + size + 2
    }
    body = Buffer.concat(parts)
  }
  if (/gzip/i.test(headers['content-encoding'] ?? '')) body = zlib.gunzipSync(body)
  return { status: Number(statusLine.split(' ')[1]), contentType: headers['content-type'] ?? '', body: body.toString('utf8'), headers }
}

// ── what bad input looks like ────────────────────────────────────────────────
const payloads = [
  `<script>${MARKER}()</script>`,
  `"><img src=x onerror=${MARKER}()>`,
  `javascript:${MARKER}()`,
  "'; DROP TABLE \"Signature\"; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\r\nSet-Cookie: injected=1',
  '%00%ff%fe',
  '\ud800',
  '\u202e\u2066',
  '=cmd|\' /C calc\'!A0',
  '../../../../etc/passwd',
  '{{7*7}}$' + '{7*7}', // a template-injection probe, spelt in two halves so it reads as data
  '__proto__',
  '😀'.repeat(50),
  ' ',
  '',
]
const validLooking: Record<string, string[]> = {
  name: ['Ada Lovelace'],
  fullName: ['Ada Lovelace'],
  email: ['ada@example.org', 'ADA+x@Gmail.com'],
  postcode: ['RG1 1AA', 'sw1a1aa'],
  password: ['correct horse battery staple'],
  optIn: ['on'],
  website: [''], // the honeypot stays empty, or the form is quietly dropped
}

const fuzzString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...payloads) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.repeat(1 + (s.length % 7) * 1000)) },
  { weight: 1, arbitrary: fc.integer({ min: 255, max: 70_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('RG1 1AA', 'ada@example.org', 'Ada Lovelace', 'on', '0', '-1', 'true', '[]', '{}') },
)

const fieldValue = (name: string) => fc.oneof(fuzzString, fc.constantFrom(...(validLooking[name] ?? ['x'])))

/** Mostly-valid forms with one or two fields gone bad: these get past the first checks, deeper into the code. */
const nearlyValidForm = (fields: string[], hidden: Record<string, string> = {}) =>
  fc.tuple(fc.subarray(fields, { minLength: 1, maxLength: Math.min(2, fields.length) }), fc.array(fuzzString, { minLength: 2, maxLength: 2 }), fc.nat()).map(([bad, values, n]) =>
    fields.map((f): [string, string] => {
      const good = f in hidden ? [hidden[f]] : (validLooking[f] ?? ['x'])
      const i = bad.indexOf(f)
      return [f, i >= 0 ? values[i] : f === 'email' ? `fuzz${n}@example.org` : good[n % good.length]]
    }),
  )

const formFields = (fields: string[], hidden?: Record<string, string>) => fc.oneof(nearlyValidForm(fields.length ? fields : ['x'], hidden), anyForm(fields))

const anyForm = (fields: string[]) =>
  fc.record({
    keep: fc.subarray(fields),
    values: fc.dictionary(fc.constantFrom(...(fields.length ? fields : ['x'])), fuzzString, { maxKeys: 6 }),
    extra: fc.dictionary(fc.oneof(fuzzString, fc.constantFrom('__proto__', 'constructor', '_action', 'intent', 'website')), fuzzString, { maxKeys: 3 }),
    repeated: fc.boolean(),
  }).chain(({ keep, values, extra, repeated }) =>
    fc.tuple(...keep.map((f) => fieldValue(f).map((v) => [f, values[f] ?? v] as [string, string]))).map((pairs) => {
      const all: [string, string][] = [...pairs, ...Object.entries(extra)]
      if (repeated && pairs.length) all.push(pairs[0])
      return all
    }),
  )

const contentTypes = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'multipart/form-data; boundary=fuzzboundary',
  'multipart/form-data',
  'application/json',
  'text/plain',
  'application/xml',
  '',
  'application/x-www-form-urlencoded; charset=latin1',
  '\u0000/\u0000',
)

function encodeBody(pairs: [string, string][], contentType: string, mangle: number): Buffer {
  if (contentType.startsWith('multipart/form-data')) {
    const parts = pairs.map(([k, v]) => `--fuzzboundary\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '')}"\r\n\r\n${v}\r\n`)
    return Buffer.from(parts.join('') + (mangle % 3 === 0 ? '' : '--fuzzboundary--\r\n'))
  }
  if (contentType === 'application/json') return Buffer.from(mangle % 2 ? JSON.stringify(Object.fromEntries(pairs)) : '{"name": ')
  const text = new URLSearchParams(pairs).toString()
  switch (mangle % 5) {
    case 0:
      return Buffer.concat([Buffer.from(text), Buffer.from([0x26, 0x6e, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80])]) // invalid UTF-8
    case 1:
      return Buffer.from(`${text}&%zz=%&%E0%A4%A=1&name=%00%ff`)
    default:
      return Buffer.from(text)
  }
}

const cookies = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    'supporter=%%%',
    'supporter=eyJzaWduYXR1cmVJZCI6Ii4uLyJ9.forged',
    `supporter=${'A'.repeat(6000)}`,
    '__session=; campaigner=garbage',
    'campaigner_session=\u0000\u0001',
    '=;=;=;',
  ),
  fuzzString.map((s) => `supporter=${urlSafe(s)}`),
  fuzzString.map((s) => `supporter=${s}`),
)

/** For URLs: percent-encoded (lone surrogates made well-formed first, or encodeURIComponent throws). */
const urlSafe = (s: string) => encodeURIComponent((s as string & { toWellFormed(): string }).toWellFormed())
/** For raw header bytes: anything but CR/LF, as latin1. */
const headerSafe = (s: string) => s.replace(/[\r\n]/g, '').replace(/[^\x00-\xff]/g, '?').slice(0, 8000)

const forwardedFor = fc.oneof(fc.ipV4(), fc.ipV6(), fuzzString, fc.constant('1.2.3.4, 5.6.7.8, unknown'))

function fillParams(path: string, values: string[]) {
  let i = 0
  return path
    .replace(/:[A-Za-z_]+\??/g, () => urlSafe(values[i++ % values.length] || 'x'))
    .replace(/\*/g, () => urlSafe(values[i++ % values.length] || 'x'))
}

const paramValues = fc.array(
  fc.oneof(
    fuzzString,
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), // well-formed but unknown tokens
    fc.uuid(),
    fc.constantFrom('..', '%2e%2e%2f', 'null', '0', '-1', '999999999999999999999'),
  ),
  { minLength: 1, maxLength: 3 },
)

const query = fc.oneof(fc.constant(''), fc.constant('?index'), fc.constant('?_data=root'), fuzzString.map((s) => `?q=${urlSafe(s)}`), fc.constant('?%ff=%ff&a[]=1&a[b]=2'))

function requestFor(target: Target) {
  return fc
    .record({
      method: target.hasAction ? fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH') : fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'OPTIONS'),
      params: paramValues,
      query,
      fields: formFields(target.fields, target.hidden),
      contentType: contentTypes,
      mangle: fc.nat(),
      cookie: cookies,
      xff: forwardedFor,
      accept: fc.constantFrom('text/html', '*/*', 'application/json', ''),
      chunked: fc.boolean(),
      origin: target.session ? fc.constantFrom(`http://localhost:${APP_PORT}`, `http://localhost:${APP_PORT}`, 'https://evil.example') : fc.constantFrom(undefined, `http://localhost:${APP_PORT}`, 'https://evil.example', 'null'),
    })
    .map((r): Sent => {
      const headers: Record<string, string> = { 'x-forwarded-for': headerSafe(r.xff) }
      if (target.session) headers.cookie = r.mangle % 7 === 0 && r.cookie ? headerSafe(`${target.session}; ${r.cookie}`) : target.session
      else if (r.cookie) headers.cookie = headerSafe(r.cookie)
      if (r.accept) headers.accept = r.accept
      if (r.origin) headers.origin = r.origin
      const path = (fillParams(target.path, r.params) + (target.path === '/' && r.method === 'POST' ? '?index' : r.query)).replace(/[^\x21-\x7e]/g, encodeURIComponent)
      if (r.method === 'GET' || r.method === 'HEAD' || r.method === 'OPTIONS') return { method: r.method, path, headers }
      if (r.contentType) headers['content-type'] = r.contentType
      const body = encodeBody(r.fields, r.contentType, r.mangle)
      if (r.chunked) headers['transfer-encoding'] = 'chunked'
      else headers['content-length'] = String(body.length)
      return { method: r.method, path, headers, body, chunked: r.chunked }
    })
    .map((sent) => Object.assign(sent, { [fc.toStringMethod]: () => describeRequest(sent) }))
}

/** A short account of a request, for failure messages (bodies can be 300 KB). */
function describeRequest(sent: Sent) {
  const headers = Object.entries(sent.headers).map(([k, v]) => `${k}: ${JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v)}`)
  const body = sent.body ? ` body ${sent.body.length} bytes${sent.chunked ? ' chunked' : ''}: ${JSON.stringify(sent.body.subarray(0, 200).toString('latin1'))}` : ''
  return `${sent.method} ${sent.path.slice(0, 200)} {${headers.join(', ')}}${body}`
}

function check(sent: Sent, got: Got) {
  const what = `${describeRequest(sent)} → ${got.status}: ${got.body.slice(0, 300)}`
  expect(got.status, what).toBeGreaterThanOrEqual(200)
  expect(got.status, `${what}\n— the server's log ends:\n${app.output().slice(-2500)}`).toBeLessThan(500)
  // A 4xx says why: in words, or for a wrong method in the Allow header.
  const saysWhy = got.body.trim().length > 0 || (got.status === 405 && Boolean(got.headers?.allow))
  if (got.status >= 400 && sent.method !== 'HEAD') expect(saysWhy, `a 4xx says why: ${what}`).toBe(true)
  // Whatever came in is escaped on the way out.
  // (Escaped copies are fine: &lt;script&gt; in HTML, \u003cscript in the hydration data.)
  expect(got.body, what).not.toMatch(new RegExp(`<script>${MARKER}|<img src=x onerror=${MARKER}`))
}

beforeAll(async () => {
  ensureBuilt({ build: false })
  const { resend, postcodes, members, databaseUrl } = testContext()
  app = await startApp({
    port: APP_PORT,
    databaseUrl,
    env: {
      TRUST_PROXY: 'on',
      RESEND_API_KEY: 're_fuzz_key',
      RESEND_BASE_URL: resend.url,
      RESEND_WEBHOOK_SECRET: 'whsec_ZnV6emluZy1zZWNyZXQtZnV6emluZy1zZWNyZXQ=',
      POSTCODES_IO_URL: postcodes.url,
      MEMBERS_API_URL: members.url,
      ADMIN_EMAIL: 'admin@campaign.test',
      ADMIN_PASSWORD: 'correct horse battery staple',
      WEB_CONCURRENCY: '2',
    },
  })
  // Every route the build knows, and the fields of every form its pages show.
  const manifest = readClientManifest()
  const seen = new Map<string, Target>()
  for (const route of Object.values(manifest.routes)) {
    if (route.id === 'root' || (!route.path && !route.index)) continue
    const path = routePath(manifest, route.id)
    const target = seen.get(path) ?? { path, hasAction: false, fields: [] }
    target.hasAction ||= route.hasAction
    seen.set(path, target)
  }
  const discover = async (pages: Map<string, Target>, cookie?: string) => {
    for (const target of pages.values()) {
      if (target.path.includes(':') || target.path.includes('*')) continue
      const page = await send({ method: 'GET', path: target.path, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } })
      for (const form of page.body.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
        const action = form[0].match(/action="([^"?]*)/)?.[1] ?? target.path
        const owner = pages.get(action) ?? pages.get(target.path)!
        for (const input of form[1].matchAll(/<(?:input|select|textarea|button)\b[^>]*>/g)) {
          const name = input[0].match(/\bname="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&')
          if (!name) continue
          owner.fields = [...new Set([...owner.fields, name])]
          const value = input[0].match(/\bvalue="([^"]*)"/)?.[1]
          if (value !== undefined && /type="hidden"|<button/.test(input[0])) owner.hidden = { ...owner.hidden, [name]: value.replace(/&amp;/g, '&').replace(/&quot;/g, '"') }
        }
        owner.hasAction ||= /method="post"/i.test(form[0])
      }
    }
  }
  await discover(seen)
  targets = [...seen.values()]

  // The dashboard from the inside: signed in as the admin the environment creates.
  const signIn = seen.get('/admin/sign-in')
  if (signIn) {
    const body = Buffer.from(new URLSearchParams({ ...signIn.hidden, email: 'admin@campaign.test', password: 'correct horse battery staple' }).toString())
    const answer = await send({
      method: 'POST',
      path: '/admin/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length), origin: `http://localhost:${APP_PORT}`, 'x-forwarded-for': '192.0.2.200' },
      body,
    })
    const session = answer.headers?.['set-cookie']
    if (!session) console.warn(`could not sign in to fuzz the dashboard: ${answer.status} ${answer.body.slice(0, 300)}`)
    if (session) {
      const inside = new Map([...seen].filter(([path]) => path.startsWith('/admin') && !path.includes('sign-')).map(([path, t]) => [path, { path, hasAction: t.hasAction, fields: [], session }]))
      await discover(inside as Map<string, Target>, session)
      targets.push(...inside.values())
    }
  }
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

describe('bad input', () => {
  it('finds the routes and forms to attack', () => {
    const paths = targets.map((t) => t.path)
    expect(paths).toEqual(expect.arrayContaining(['/', '/petition.json', '/healthz']))
    expect(targets.find((t) => t.path === '/')?.fields).toEqual(expect.arrayContaining(['name', 'email', 'postcode']))
    console.info(`fuzzing ${targets.length} routes: ${targets.map((t) => `${t.session ? 'signed in: ' : ''}${t.path}${t.hasAction ? ` [form: ${t.fields.join(', ') || '?'}]` : ''}`).join('; ')}`)
    expect(targets.some((t) => t.session), 'signed in to the dashboard').toBe(true)
  })

  it('never answers a 5xx or echoes a script, whatever it is sent', async () => {
    let requests = 0
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(requestFor(target), async (sent) => {
          requests++
          const got = await send(sent).catch((error: Error) => {
            throw new Error(`${error.message} — the server's log ends:\n${app.output().slice(-3000)}`)
          })
          check(sent, got)
        }),
        { numRuns: target.hasAction ? RUNS * 2 : RUNS, endOnFailure: true, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
      )
    }
    console.info(`fuzz: ${requests} requests over ${targets.length} routes, no 5xx`)
    expect(app.child.exitCode).toBeNull()
    // Some 40 routes × 80–160 requests: minutes on a busy 2-core machine. The bound only catches a hang.
  }, 600_000)

  it('refuses a script as a name with a clear message, and keeps the page safe', async () => {
    const body = Buffer.from(new URLSearchParams({ name: `<script>${MARKER}()</script>`, email: 'script@example.org', postcode: 'RG1 1AA' }).toString())
    const got = await send({ method: 'POST', path: '/?index', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length), accept: 'text/html' }, body })
    expect(got.status).toBe(400)
    expect(got.body).toContain('Your name must not contain &lt; or &gt;')
    expect(got.body).toContain(`&lt;script&gt;${MARKER}()&lt;/script&gt;`)
    check({ method: 'POST', path: '/?index', headers: {} }, { ...got, status: 200 })
    expect(await prisma.signature.count({ where: { email: 'script@example.org' } })).toBe(0)
  })

  it('stored no script from the public, and sent none by email', async () => {
    const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
        AND table_name NOT IN (${Prisma.join(CAMPAIGNER_TABLES)})`
    const found: string[] = []
    for (const { table_name, column_name } of columns) {
      const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table_name}" WHERE "${column_name}"::text ~* $1`,
        `<script|<img src=x onerror=${MARKER}`,
      )
      if (Number(rows[0].n)) found.push(`${table_name}.${column_name}`)
    }
    expect(found).toEqual([])
    // Whatever was stored (a campaigner's own text included), the emails that left are escaped too.
    const { resend } = testContext()
    const unsafe = new RegExp(`<script>${MARKER}|<img src=x onerror=${MARKER}`)
    expect(resend.emails.filter((e) => unsafe.test(e.html ?? ''))).toEqual([])
  })
})

// ── pathological input: work that grows faster than the input ─────────────────
// Each of these once held a web process for seconds to minutes (a 200,000-letter name: 66 s;
// a letter with 100,000 spaces: 21 s), and four at once stopped every process, /healthz
// included. Now every value is capped before anything parses it and the patterns are
// linear, so each is answered within a few seconds (a bound that separates linear from
// quadratic work by orders of magnitude, not a speed target) while /healthz keeps answering.
const PATHOLOGICAL_BOUND_MS = 3_000

interface Pathological {
  what: string
  method?: string
  path: string
  body: string | Buffer
  contentType?: string
  /** Signed in as the admin the environment creates. */
  admin?: boolean
  /** The answer expected: a 4xx unless said otherwise. */
  expect?: (status: number) => boolean
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const letter = (fields: Record<string, string>) =>
  form({ mpId: '1', subject: 'Please act', body: 'A letter long enough to pass the length rule, written by me.', name: 'Ada Lovelace', email: 'ada@example.org', addressLine1: '1 Road', town: 'Reading', postcode: 'RG1 1AA', ...fields })
const sign = (fields: Record<string, string>) => form({ name: 'Ada Lovelace', email: 'ada@example.org', postcode: 'RG1 1AA', ...fields })
const is4xx = (status: number) => status >= 400 && status < 500
const answered = (status: number) => status >= 200 && status < 500

const PATHOLOGICAL: Pathological[] = [
  { what: 'a 200,000-letter name', path: '/?index', body: sign({ name: 'a'.repeat(200_000) }) },
  { what: 'a name of 200,000 spaces and a letter', path: '/?index', body: sign({ name: `${' '.repeat(200_000)}x` }) },
  { what: 'a name at the cap made of one letter', path: '/?index', body: sign({ name: 'a'.repeat(2_000) }) },
  { what: 'a name of [[[[…', path: '/?index', body: sign({ name: '['.repeat(2_000) }) },
  { what: 'a name of ((((…', path: '/?index', body: sign({ name: '('.repeat(2_000) }) },
  { what: 'a name of ****…', path: '/?index', body: sign({ name: '*'.repeat(2_000) }) },
  { what: 'a name of a.a.a.…', path: '/?index', body: sign({ name: 'a.'.repeat(1_000) }) },
  { what: 'an email of a-a-a-…', path: '/?index', body: sign({ email: `a@${'a-'.repeat(999)}` }) },
  { what: 'an email of 200,000 dots', path: '/?index', body: sign({ email: `a@${'.'.repeat(200_000)}` }) },
  { what: 'a multipart name of 200,000 letters', path: '/?index', contentType: 'multipart/form-data; boundary=b', body: `--b\r\nContent-Disposition: form-data; name="name"\r\n\r\n${'a'.repeat(200_000)}\r\n--b--\r\n` },
  { what: 'a letter of 200,000 spaces', path: '/write/preview', body: letter({ body: `${' '.repeat(200_000)}x` }) },
  { what: 'a letter of 30,000 spaces (under the cap)', path: '/write/preview', body: letter({ body: `x${' '.repeat(30_000)}x\n` }), expect: answered },
  { what: 'a letter of 30,000 [', path: '/write/send', body: letter({ body: '['.repeat(30_000) }), expect: answered },
  { what: 'a letter of 15,000 blank lines', path: '/write/preview', body: letter({ body: ' \n'.repeat(15_000) }), expect: answered },
  { what: '60,000 fields', path: '/?index', body: 'a=1&'.repeat(60_000) },
  { what: 'a field name of 200,000 letters', path: '/?index', body: `${'n'.repeat(200_000)}=x` },
  { what: 'a field name nested 60,000 deep with brackets', path: '/?index', body: `${'a['.repeat(60_000)}=x` },
  { what: 'a field name nested 100,000 deep with dots', path: '/?index', body: `${'a.'.repeat(100_000)}a=x` },
  { what: 'a data request for a 200,000-letter address', path: '/my-data', body: form({ email: `${'a'.repeat(200_000)}@example.org` }) },
  { what: 'a 200,000-letter password', path: '/admin/sign-in', body: form({ email: 'admin@campaign.test', password: 'a'.repeat(200_000) }) },
  { what: 'webhook JSON nested 200,000 deep', path: '/webhooks/resend', contentType: 'application/json', body: '['.repeat(200_000) },
  { what: 'an update of 200,000 [ (admin)', path: '/admin/updates/new', admin: true, body: form({ subject: 'Update', bodyMarkdown: '['.repeat(200_000) }) },
  { what: 'an update of 19,000 [a (admin, saved)', path: '/admin/updates/new', admin: true, body: form({ subject: 'Update', bodyMarkdown: '[a'.repeat(9_500) }), expect: answered },
  { what: 'an update of 19,000 *_[ (admin, saved)', path: '/admin/updates/new', admin: true, body: form({ subject: 'Update', bodyMarkdown: '*_['.repeat(6_300) }), expect: answered },
  { what: 'a letter template of {{ and 39,000 spaces (admin)', path: '/admin/letter-template', admin: true, body: form({ intent: 'preview', subjects: 'Hello', body: `{{mp_name}} {{${' '.repeat(39_000)}` }), expect: answered },
  { what: 'a moderation search by a 15,000-character name (admin)', method: 'GET', path: `/admin/moderation?name=${'%25_'.repeat(4_000)}&ip=${'1'.repeat(3_000)}`, admin: true, body: '', expect: answered },
]

describe('pathological input', () => {
  let healthz: { worst: number; failures: string[]; stop: () => Promise<void> }

  /** Polls /healthz all along: the server must keep answering it while it deals with the rest. */
  function watchHealth() {
    const state = { worst: 0, failures: [] as string[], running: true }
    const loop = (async () => {
      while (state.running) {
        const started = Date.now()
        const got = await send({ method: 'GET', path: '/healthz', headers: {} }).catch((e: Error) => ({ status: 0, body: e.message }))
        const took = Date.now() - started
        state.worst = Math.max(state.worst, took)
        if (got.status !== 200) state.failures.push(`${got.status} ${got.body.slice(0, 100)}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    return { get worst() { return state.worst }, failures: state.failures, stop: async () => { state.running = false; await loop } }
  }

  let session: string | undefined

  function request(p: Pathological): Sent {
    const headers: Record<string, string> = { accept: 'text/html', origin: `http://localhost:${APP_PORT}`, 'x-forwarded-for': '198.51.100.77' }
    if (p.admin && session) headers.cookie = session
    if (p.method === 'GET') return { method: 'GET', path: p.path, headers }
    const body = Buffer.from(p.body)
    return { method: p.method ?? 'POST', path: p.path, headers: { ...headers, 'content-type': p.contentType ?? 'application/x-www-form-urlencoded', 'content-length': String(body.length) }, body }
  }

  beforeAll(async () => {
    // A session of its own (the fuzz above may have tried anything with the other).
    const body = Buffer.from(form({ email: 'admin@campaign.test', password: 'correct horse battery staple', redirectTo: '/admin' }))
    const answer = await send({
      method: 'POST',
      path: '/admin/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length), origin: `http://localhost:${APP_PORT}`, 'x-forwarded-for': '192.0.2.201' },
      body,
    })
    session = answer.headers?.['set-cookie']
    expect(session, `signing in: ${answer.status}`).toMatch(/campaigner=/)
    healthz = watchHealth()
  })
  afterAll(async () => {
    await healthz?.stop()
  })

  it.each(PATHOLOGICAL.map((p) => [p.what, p] as const))('answers %s within seconds', async (_, p) => {
    const started = Date.now()
    const sent = request(p)
    const got = await send(sent)
    const took = Date.now() - started
    check(sent, got)
    expect((p.expect ?? is4xx)(got.status), `${p.what}: ${got.status} ${got.body.slice(0, 200)}`).toBe(true)
    expect(took, `${p.what} took ${took} ms`).toBeLessThan(PATHOLOGICAL_BOUND_MS)
    if (p.path === '/admin/updates/new' && got.status === 303) {
      // The saved update's preview renders its Markdown.
      const location = got.headers?.location ?? ''
      const shown = Date.now()
      const preview = await send(request({ ...p, method: 'GET', path: location, body: '' }))
      expect(preview.status, location).toBe(200)
      expect(Date.now() - shown, `the preview of ${p.what}`).toBeLessThan(PATHOLOGICAL_BOUND_MS)
    }
  })

  it('answers four 200,000-letter names at once within seconds, and /healthz all along', async () => {
    const burst = Array.from({ length: 4 }, () => request(PATHOLOGICAL[0]))
    const started = Date.now()
    const answers = await Promise.all(burst.map(send))
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413])
    expect(Date.now() - started).toBeLessThan(PATHOLOGICAL_BOUND_MS)
    await healthz.stop()
    expect(healthz.failures).toEqual([])
    expect(healthz.worst, 'the slowest /healthz while all this went on (ms)').toBeLessThan(PATHOLOGICAL_BOUND_MS)
    expect(app.child.exitCode).toBeNull()
  })
})
