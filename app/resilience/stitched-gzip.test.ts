// The home page's cached copy, compressed once and served with each response's own nonce (decision 122):
// every body must be a gzip stream that Node's (and so any browser's) gunzip reads back to exactly the page with
// that nonce in it.
import { randomBytes } from 'node:crypto'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { acceptsGzip, stitchedGzip } from '../../server/stitched-gzip'

const PLACEHOLDER = '\u0000nonce\u0000'
const nonce = () => randomBytes(16).toString('base64')

function page(nonces: number) {
  const parts = [`<!DOCTYPE html><html lang="cy"><head><title>Dyletswydd Gofal — ŵ ŷ “quotes”</title>`]
  for (let i = 0; i < nonces; i++) parts.push(`<script nonce="${PLACEHOLDER}">window.__n${i}=${JSON.stringify('x'.repeat(i * 997))}</script>`)
  parts.push(`<main>${'<p>Llofnodwch y ddeiseb. '.repeat(800)}</main></html>`)
  return parts.join('\n')
}

describe('a page compressed once, with a nonce of its own per response', () => {
  it('gunzips to the page with that nonce wherever the placeholder was, for pages with none, one or many', () => {
    for (const count of [0, 1, 2, 7]) {
      const html = page(count)
      const gzip = stitchedGzip(html, PLACEHOLDER, 24)
      for (let round = 0; round < 3; round++) {
        const value = nonce()
        const body = gzip.withNonce(value)!
        // gunzipSync checks the CRC and the length in the trailer: a wrong one throws.
        expect(zlib.gunzipSync(body).toString('utf8'), `${count} nonces`).toBe(html.replaceAll(PLACEHOLDER, value))
      }
    }
  })

  it('compresses about as well as gzip over the whole page: each piece may refer back past the nonces before it', () => {
    // Like a real page, the pieces between nonces repeat each other's words (class names, the hydration data).
    const words = Array.from({ length: 400 }, (_, i) => `w${(i * 7919) % 1000}`).join(' ')
    const template = Array.from({ length: 8 }, (_, i) => `<div class="mt-${i}">${words}</div>`).join(`<script nonce="${PLACEHOLDER}"></script>`)
    const value = nonce()
    const body = stitchedGzip(template, PLACEHOLDER, 24).withNonce(value)!
    const whole = zlib.gzipSync(template.replaceAll(PLACEHOLDER, value)).length
    // Each piece compressed on its own would repeat the ~1 KB the words take compressed: 8 × that.
    expect(body.length).toBeLessThan(whole * 1.1 + 8 * 60)
  })

  it('refuses a nonce of another length, rather than send a stream whose references miss', () => {
    expect(stitchedGzip(page(2), PLACEHOLDER, 24).withNonce('short')).toBeNull()
  })

  it('takes gzip when the request does, not when it refuses it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true)
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('br')).toBe(false)
    expect(acceptsGzip('gzip;q=0, *')).toBe(false)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
    expect(acceptsGzip(`gzip,${' '.repeat(2000)}`)).toBe(false)
  })
})
