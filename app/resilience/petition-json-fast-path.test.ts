// GET|HEAD /petition.json answered on node:http before Express and React Router
// (server/fast-paths.ts, decision 082): the very bytes and headers the route gives,
// 304 on a matching ETag, and everything else still left to the app.
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import type { ServerBuild } from 'react-router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { listen, rawRequest } from '~/testing/raw-http'
import { ensureBuilt } from '../../scripts/bench/app-process'
import { createFastPaths } from '../../server/fast-paths'
import { ROOT } from '../../server/database'
import { createHttpApp } from '../../server/http'

/** A raw request for /petition.json unless told otherwise. */
const ask = (server: http.Server, options: { method?: string; path?: string; headers?: Record<string, string> } = {}) => rawRequest(server, { path: '/petition.json', ...options })

/** The headers that must be the same: transport framing, the date, the request id's value and the CSP nonce aside. */
function comparable(headers: http.IncomingHttpHeaders) {
  const { date, connection, 'keep-alive': keepAlive, 'transfer-encoding': te, 'content-length': length, 'x-request-id': id, ...rest } = headers
  void [date, connection, keepAlive, te, length]
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  return { ...rest, 'content-security-policy': String(rest['content-security-policy']).replace(/'nonce-[^']+'/, "'nonce-…'") }
}

describe('GET /petition.json before Express (fast path)', () => {
  let fast: http.Server
  let route: http.Server
  /** Requests the fast path handed to the app. */
  const handedOver: string[] = []

  beforeAll(async () => {
    ensureBuilt({ build: false })
    // Something to count, in more than one constituency and nation.
    await prisma.$executeRaw`INSERT INTO "Constituency" ("onsCode", name, "nameKey", nation) VALUES
      ('E14000001', 'Aldershot', 'aldershot', 'England'), ('W07000041', 'Ynys Môn', 'ynys mon', 'Wales') ON CONFLICT DO NOTHING`
    await prisma.$executeRaw`INSERT INTO "ConstituencyCount" ("onsCode", "signatureCount", "updatedAt") VALUES ('E14000001', 40, now()), ('W07000041', 2, now())
      ON CONFLICT ("onsCode") DO UPDATE SET "signatureCount" = EXCLUDED."signatureCount"`
    await prisma.$executeRaw`INSERT INTO "PetitionCount" (id, "signatureCount", "updatedAt") VALUES (1, 42, now())
      ON CONFLICT (id) DO UPDATE SET "signatureCount" = 42`
    const build = (await import(path.join(ROOT, 'build', 'server', 'index.js'))) as ServerBuild
    const app = await createHttpApp({ trustProxyHops: 0, production: true, fastPaths: false })
    const paths = createFastPaths({ build, production: true })
    const recordingApp: http.RequestListener = (req, res) => {
      handedOver.push(`${req.method ?? ''} ${req.url ?? ''}`)
      app(req, res)
    }
    fast = await listen((req, res) => {
      if (!paths(req, res, recordingApp)) recordingApp(req, res)
    })
    route = await listen(app)
  })

  afterAll(async () => {
    await Promise.all([fast, route].map((s) => s && new Promise((r) => s.close(r))))
  })

  it('answers with the route’s very bytes and headers, in every encoding, without the app', async () => {
    const variants: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip' }, { 'accept-encoding': 'gzip, deflate, br' }, { 'accept-encoding': 'br;q=0, gzip;q=0.5' }, { 'accept-encoding': 'identity' }]
    const plain = JSON.parse((await ask(route)).body.toString())
    expect(plain.signature_count).toBe(42)
    for (const headers of variants) {
      const [a, b] = [await ask(fast, { headers }), await ask(route, { headers })]
      expect(a.status).toBe(200)
      expect(a.status).toBe(b.status)
      expect(a.body.equals(b.body), JSON.stringify(headers)).toBe(true)
      expect(comparable(a.headers)).toEqual(comparable(b.headers))
      expect(Number(a.headers['content-length'])).toBe(a.body.length)
      const decoded =
        a.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(a.body)
        : a.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(a.body)
        : a.body
      expect(JSON.parse(decoded.toString())).toEqual(plain)
    }
    expect((await ask(fast, { headers: { 'accept-encoding': 'gzip, deflate, br' } })).headers['content-encoding']).toBe('br')
    expect((await ask(fast, { headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBe('gzip')
    expect((await ask(fast)).headers['content-encoding']).toBeUndefined()
    const publicHeaders = (await ask(fast)).headers
    expect(publicHeaders['cache-control']).toBe('public, max-age=2, s-maxage=5, stale-while-revalidate=30')
    expect(publicHeaders['content-type']).toBe('application/json; charset=utf-8')
    expect(publicHeaders['vary']).toBe('Accept-Encoding')
    expect(publicHeaders['access-control-allow-origin']).toBe('*')
    expect(publicHeaders['x-frame-options']).toBe('DENY')
    expect(publicHeaders['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
    expect(handedOver).toEqual([])
  })

  it('keeps a proxy’s request id and refuses one that is not an id', async () => {
    expect((await ask(fast, { headers: { 'x-request-id': 'lb-1234567890' } })).headers['x-request-id']).toBe('lb-1234567890')
    expect((await ask(fast, { headers: { 'x-request-id': 'bad id with spaces' } })).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers 304 with no body to a client that has the current ETag, as the route does', async () => {
    const { headers } = await ask(fast, { headers: { 'accept-encoding': 'gzip' } })
    const etag = String(headers.etag)
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const [a, b] = [await ask(fast, { headers: { 'if-none-match': ifNoneMatch, 'accept-encoding': 'gzip' } }), await ask(route, { headers: { 'if-none-match': ifNoneMatch, 'accept-encoding': 'gzip' } })]
      expect(a.status).toBe(304)
      expect(b.status).toBe(304)
      expect(a.body.length).toBe(0)
      expect(comparable(a.headers)).toEqual(comparable(b.headers))
    }
    expect((await ask(fast, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200)
    expect(handedOver).toEqual([])
  })

  it('answers HEAD with the GET’s headers and no body', async () => {
    const get = await ask(fast, { headers: { 'accept-encoding': 'gzip' } })
    const head = await ask(fast, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } })
    const routeHead = await ask(route, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } })
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['content-length']).toBe(get.headers['content-length'])
    expect(comparable(head.headers)).toEqual(comparable(get.headers))
    expect(comparable(head.headers)).toEqual(comparable(routeHead.headers))
    expect(handedOver).toEqual([])
  })

  it('leaves other methods, other paths and encodings it does not keep to the app, whose rules still apply', async () => {
    const post = await ask(fast, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' } })
    const options = await ask(fast, { method: 'OPTIONS' })
    const data = await ask(fast, { path: '/petition.json.data' })
    const deflate = await ask(fast, { headers: { 'accept-encoding': 'deflate' } })
    const routeDeflate = await ask(route, { headers: { 'accept-encoding': 'deflate' } })
    const withQuery = await ask(fast, { path: '/petition.json?t=123' })
    expect(handedOver).toEqual(['POST /petition.json', 'OPTIONS /petition.json', 'GET /petition.json.data', 'GET /petition.json'])
    // A page that is not public (or not a GET) is never kept by a cache (decision 053): the app's rule, unchanged.
    for (const answer of [post, options, data]) expect(answer.headers['cache-control']).toBe('private, no-store')
    expect(post.status).toBeGreaterThanOrEqual(400)
    expect(data.status).toBe(404)
    expect(deflate.headers['content-encoding']).toBe('deflate')
    expect(deflate.body.equals(routeDeflate.body)).toBe(true)
    // A cache-busting query string is the same figure.
    expect(withQuery.status).toBe(200)
    expect(withQuery.headers['cache-control']).toMatch(/^public/)
  })
})
