import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { sharedJsonResponse } from './encoded-json.server'
import { readFormData } from './form-data.server'

const get = (headers: Record<string, string> = {}) => new Request('http://campaign.test/petition.json', { headers })

describe('a shared JSON response', () => {
  const value = { signature_count: 12, signatures_by_nation: [{ name: 'Wales', signature_count: 3 }] }

  it('is brotli- or gzip-compressed for clients that accept it, plain otherwise, with the same ETag', async () => {
    const brotli = sharedJsonResponse(get({ 'accept-encoding': 'gzip, deflate, br' }), value, {})
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(JSON.parse(zlib.brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString())).toEqual(value)
    const zipped = sharedJsonResponse(get({ 'accept-encoding': 'gzip, br;q=0' }), value, { 'Cache-Control': 'public, max-age=2' })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding')
    expect(zipped.headers.get('cache-control')).toBe('public, max-age=2')
    expect(JSON.parse(zlib.gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString())).toEqual(value)

    const plain = sharedJsonResponse(get({ 'accept-encoding': 'gzip;q=0, identity' }), value, {})
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.json()).toEqual(value)
    expect(plain.headers.get('etag')).toBe(zipped.headers.get('etag'))
    expect(brotli.headers.get('etag')).toBe(zipped.headers.get('etag'))
    // Only deflate: the plain body, which the compression middleware deflates per request.
    expect(sharedJsonResponse(get({ 'accept-encoding': 'deflate' }), value, {}).headers.get('content-encoding')).toBeNull()
  })

  it('answers 304 with no body when the client already has it', async () => {
    const etag = sharedJsonResponse(get(), value, {}).headers.get('etag')!
    const again = sharedJsonResponse(get({ 'if-none-match': `W/${etag}` }), value, {})
    expect(again.status).toBe(304)
    expect(again.body).toBeNull()
    expect(sharedJsonResponse(get({ 'if-none-match': '"stale"' }), { ...value }, {}).status).toBe(200)
  })
})

describe('reading a form', () => {
  it('drops fields whose names are not plain, so no parser walks a crafted path', async () => {
    const body = new URLSearchParams({ name: 'Ada', email: 'ada@example.org', ['a.'.repeat(5000) + 'b']: 'x', 'x[0][1]': 'y', __proto__x: 'z' })
    const form = await readFormData(new Request('http://campaign.test/', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
    expect([...form.keys()]).toEqual(['name', 'email'])
  })
})
