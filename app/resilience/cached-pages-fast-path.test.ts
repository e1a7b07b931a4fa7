// The page cache's copies of `/`, `/map` and their Welsh twins, answered on node:http before Express (decision 122):
// gzip compressed once per render, each response with its own nonce in the CSP header and in the page, the
// headers the app's own path gives, and everything the cache cannot answer left to the app.
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import type { ServerBuild } from 'react-router'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, rawRequest, type RawAnswer } from '~/testing/raw-http'
import { ensureBuilt } from '../../scripts/bench/app-process'
import { ROOT } from '../../server/database'
import { createFastPaths } from '../../server/fast-paths'
import { createHttpApp } from '../../server/http'
import { createPageCache } from '../../server/request-handler'

type Answer = RawAnswer
const ask = (server: http.Server, path: string, headers: Record<string, string> = {}) => rawRequest(server, { path, headers })

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1]
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' }

describe('cached pages before Express', () => {
  let build: ServerBuild
  const servers: http.Server[] = []

  beforeAll(async () => {
    ensureBuilt({ build: false })
    build = (await import(path.join(ROOT, 'build', 'server', 'index.js'))) as ServerBuild
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  })

  it('answer a cached page themselves, gzip with a fresh nonce each time, and leave the rest to the app', async () => {
    const cache = createPageCache(['/', '/cy'], 60_000)
    const handedOver: string[] = []
    const app: http.RequestListener = (req, res) => {
      handedOver.push([req.url, req.headers.cookie ? 'cookie' : '', req.headers['accept-encoding'] ?? 'no encoding', req.headers['accept-language'] ?? ''].filter(Boolean).join(' · '))
      res.writeHead(204).end()
    }
    const fast = createFastPaths({ build, production: true, pageCache: cache })
    const server = await listen((req, res) => {
      if (!fast(req, res, app)) app(req, res)
    })
    servers.push(server)

    // Nothing cached yet: the app renders (and, in the real server, caches).
    expect((await ask(server, '/', BROWSER)).status).toBe(204)
    const page = `<!DOCTYPE html><html><head><script nonce="N0NCE-of-the-render-1234">1</script></head><body>${'<p>Duty of Care</p>'.repeat(500)}<script nonce="N0NCE-of-the-render-1234">2</script></body></html>`
    await cache.put({ method: 'GET', url: '/', headers: {} }, 'N0NCE-of-the-render-1234', new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8', vary: 'Accept-Language, Cookie' } }))
    handedOver.length = 0

    const [first, second] = [await ask(server, '/', BROWSER), await ask(server, '/', BROWSER)]
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200)
      expect(answer.headers).toMatchObject({ 'content-encoding': 'gzip', 'content-type': 'text/html; charset=utf-8', vary: 'Accept-Language, Cookie, Accept-Encoding', 'x-frame-options': 'DENY' })
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
      const nonce = nonceOf(answer)!
      expect(nonce).toHaveLength(24)
      expect(zlib.gunzipSync(answer.body).toString()).toBe(page.replaceAll('N0NCE-of-the-render-1234', nonce))
    }
    expect(nonceOf(first)).not.toBe(nonceOf(second))
    expect(handedOver).toEqual([])

    // A visitor with a cookie, a client without gzip, another address or query, a page not cached: the app's.
    await ask(server, '/', { ...BROWSER, cookie: 'supporter=1' })
    await ask(server, '/', { accept: 'text/html' })
    await ask(server, '/?utm_source=x', BROWSER)
    await ask(server, '/cy', BROWSER)
    await ask(server, '/', { ...BROWSER, 'accept-language': 'cy' }) // a Welsh reader's `/` is their own copy
    expect(handedOver).toEqual([
      '/ · cookie · gzip, deflate, br',
      '/ · no encoding',
      '/?utm_source=x · gzip, deflate, br',
      '/cy · gzip, deflate, br',
      '/ · gzip, deflate, br · cy',
    ])
  })

  it('in the real server, give the same headers as the app’s own path, and a page that gunzips to the render', async () => {
    const server = await listen(await createHttpApp({ trustProxyHops: 0, production: true }))
    const express = await listen(await createHttpApp({ trustProxyHops: 0, production: true, fastPaths: false }))
    servers.push(server, express)
    const comparable = (answer: Answer) => {
      const { date, connection, 'keep-alive': keepAlive, 'x-request-id': id, 'content-length': length, ...rest } = answer.headers
      void [date, connection, keepAlive, id, length]
      return { ...rest, 'content-security-policy': String(rest['content-security-policy']).replace(/'nonce-[^']+'/, "'nonce-…'") }
    }
    for (const pathname of ['/', '/map']) {
      await ask(server, pathname, BROWSER) // rendered and cached
      await ask(express, pathname, BROWSER)
      const [cached, viaExpress] = [await ask(server, pathname, BROWSER), await ask(express, pathname, BROWSER)]
      expect(cached.status).toBe(200)
      expect(cached.headers['content-encoding']).toBe('gzip')
      expect(comparable(cached)).toEqual(comparable(viaExpress))
      const html = zlib.gunzipSync(cached.body).toString()
      expect(html).toContain('<!DOCTYPE html>')
      const nonces = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))
      expect([...nonces]).toEqual([nonceOf(cached)])
    }
  })
})
