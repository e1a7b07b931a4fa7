// A JSON response for a value that many requests share (a memoised object):
// serialised and gzip-compressed ONCE per object, not once per request, with
// an ETag so pollers and CDNs can revalidate with a 304 and no body.
import crypto from 'node:crypto'
import zlib from 'node:zlib'

interface Encoded {
  body: string
  gzip: Buffer
  etag: string
}

const encodings = new WeakMap<object, Encoded>()

function encode(value: object): Encoded {
  let found = encodings.get(value)
  if (!found) {
    const body = JSON.stringify(value)
    found = {
      body,
      gzip: zlib.gzipSync(body, { level: 6 }),
      etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"`,
    }
    encodings.set(value, found)
  }
  return found
}

export function sharedJsonResponse(request: Request, value: object, headers: Record<string, string>): Response {
  const { body, gzip, etag } = encode(value)
  const common = { ...headers, 'Content-Type': 'application/json; charset=utf-8', ETag: etag, Vary: 'Accept-Encoding' }
  const matches = request.headers.get('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  if (matches) return new Response(null, { status: 304, headers: common })
  if (acceptsGzip(request.headers.get('accept-encoding'))) {
    return new Response(new Uint8Array(gzip.buffer as ArrayBuffer, gzip.byteOffset, gzip.length), { headers: { ...common, 'Content-Encoding': 'gzip' } })
  }
  return new Response(body, { headers: common })
}

function acceptsGzip(header: string | null) {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0)
  })
}
