// Pages rendered for one visitor are compressed whole, in one zlib call (decision 123): the encoding the
// browser asked for, a Content-Length that matches, Vary: Accept-Encoding, and the same page in every encoding.
import type http from 'node:http'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, rawRequest, type RawAnswer } from '~/testing/raw-http'
import { ensureBuilt } from '../../scripts/bench/app-process'
import { createHttpApp } from '../../server/http'
import { COMPRESSION_THRESHOLD_BYTES, compressPage } from '../../server/whole-page-compression'

const nonceOf = (answer: RawAnswer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1]

function decoded(answer: RawAnswer): string {
  const coding = answer.headers['content-encoding']
  if (coding === 'br') return zlib.brotliDecompressSync(answer.body).toString()
  if (coding === 'gzip') return zlib.gunzipSync(answer.body).toString()
  if (coding === 'deflate') return zlib.inflateSync(answer.body).toString()
  expect(coding).toBeUndefined()
  return answer.body.toString()
}

describe('compressPage', () => {
  const page = Buffer.from(`<!DOCTYPE html><html><body>${'<p>A legal Duty of Care on tech firms.</p>'.repeat(200)}</body></html>`)

  it('uses the best encoding the request takes, and decodes to the same page', async () => {
    const br = await compressPage(page, 'gzip, deflate, br')
    expect(br.coding).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).equals(page)).toBe(true)
    expect(br.body.length).toBeLessThan(page.length / 10)

    const gzip = await compressPage(page, 'gzip, deflate')
    expect(gzip.coding).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).equals(page)).toBe(true)

    expect((await compressPage(page, 'br;q=0, gzip')).coding).toBe('gzip')
    expect((await compressPage(page, '*')).coding).toBe('gzip')
  })

  it('sends the plain page when the request takes no encoding we make, or the page is too small to gain', async () => {
    for (const acceptEncoding of [undefined, '', 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const answer = await compressPage(page, acceptEncoding)
      expect(answer.coding, String(acceptEncoding)).toBeUndefined()
      expect(answer.body).toBe(page)
    }
    const small = Buffer.alloc(COMPRESSION_THRESHOLD_BYTES - 1, 'a')
    expect(await compressPage(small, 'br')).toEqual({ body: small })
  })
})

describe('a page rendered for a visitor with a cookie', () => {
  let server: http.Server
  const COOKIE = { cookie: 'returning=1', accept: 'text/html' }

  beforeAll(async () => {
    ensureBuilt({ build: false })
    server = await listen(await createHttpApp({ trustProxyHops: 0, production: true }))
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('comes in the encoding asked for, with a matching length, and is the same page in each', async () => {
    const pages: string[] = []
    for (const [acceptEncoding, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
      // Only deflate: left to the compression middleware, as before.
      ['deflate', 'deflate'],
    ] as const) {
      const answer = await rawRequest(server, { path: '/', headers: { ...COOKIE, 'accept-encoding': acceptEncoding } })
      expect(answer.status).toBe(200)
      expect(answer.headers['content-encoding'], acceptEncoding).toBe(coding)
      expect(String(answer.headers.vary)).toMatch(/Accept-Encoding/)
      if (coding !== 'deflate') expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
      const html = decoded(answer)
      expect(html).toMatch(/^<!DOCTYPE html>/)
      expect(html.trimEnd()).toMatch(/<\/html>$/)
      // Every script carries this response's own nonce.
      const nonce = nonceOf(answer)!
      expect(new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set([nonce]))
      pages.push(html.replaceAll(nonce, 'NONCE'))
    }
    expect(new Set(pages).size).toBe(1)
  })

  it('answers HEAD with the headers and no body', async () => {
    const answer = await rawRequest(server, { method: 'HEAD', path: '/', headers: { ...COOKIE, 'accept-encoding': 'br' } })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.body.length).toBe(0)
  })
})
