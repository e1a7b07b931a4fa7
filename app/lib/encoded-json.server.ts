// A JSON response for a value that many requests share (a memoised object):
// serialised and compressed (gzip and brotli) ONCE per object, not once per
// request, with an ETag so pollers and CDNs can revalidate with a 304 and no
// body. The answer is computed without Request/Response objects so the same
// code serves both the React Router route and the server's fast path, which
// answers on node:http before Express sees the request (decision 082).
import crypto from 'node:crypto'
import zlib from 'node:zlib'

export interface EncodedJson {
  identity: Buffer
  gzip: Buffer
  br: Buffer
  etag: string
}

const encodings = new WeakMap<object, EncodedJson>()
/** The last encoding made: a refreshed value with the same bytes (nothing changed) reuses it, compression included. */
let last: EncodedJson | undefined

export function encodeJson(value: object): EncodedJson {
  let found = encodings.get(value)
  if (!found) {
    const identity = Buffer.from(JSON.stringify(value))
    if (last?.identity.equals(identity)) found = last
    else {
      found = {
        identity,
        gzip: zlib.gzipSync(identity, { level: 6 }),
        // Quality 9 of 11: within a few per cent of 11's size for a fraction of its time; made once per changed figure.
        br: zlib.brotliCompressSync(identity, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
        }),
        etag: `"${crypto.createHash('sha1').update(identity).digest('base64url')}"`,
      }
      last = found
    }
    encodings.set(value, found)
  }
  return found
}

export type ContentCoding = 'br' | 'gzip' | 'identity'

/**
 * Which of our encodings the client takes (Accept-Encoding): brotli, then gzip, else none.
 * `undefined` when it only takes an encoding we do not keep ready (deflate), which
 * the server's compression middleware makes per request.
 */
export function chooseCoding(acceptEncoding: string | null | undefined): ContentCoding | undefined {
  const header = (acceptEncoding ?? '').slice(0, 512).toLowerCase()
  if (!header) return 'identity'
  let br = false
  let gzip = false
  let deflate = false
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue
    if (coding === 'br') br = true
    else if (coding === 'gzip' || coding === '*') gzip = true
    else if (coding === 'deflate') deflate = true
  }
  return br ? 'br' : gzip ? 'gzip' : deflate ? undefined : 'identity'
}

export interface JsonAnswer {
  status: 200 | 304
  headers: Record<string, string>
  /** The bytes to send (none for a 304; a HEAD sends the headers only). */
  body?: Buffer
}

/** The answer for one request, from its If-None-Match and the content coding chosen for it. */
export function answerSharedJson(
  value: object,
  headers: Record<string, string>,
  request: { ifNoneMatch: string | null | undefined; coding: ContentCoding },
): JsonAnswer {
  const encoded = encodeJson(value)
  const common: Record<string, string> = { ...headers, 'Content-Type': 'application/json; charset=utf-8', ETag: encoded.etag, Vary: 'Accept-Encoding' }
  const matches = request.ifNoneMatch
    ?.slice(0, 4096)
    .split(',')
    .some((tag) => tag.trim().replace(/^W\//, '') === encoded.etag)
  if (matches) return { status: 304, headers: common }
  if (request.coding === 'identity') return { status: 200, headers: common, body: encoded.identity }
  return { status: 200, headers: { ...common, 'Content-Encoding': request.coding }, body: encoded[request.coding] }
}

export function sharedJsonResponse(request: Request, value: object, headers: Record<string, string>): Response {
  // An encoding we do not keep ready (deflate alone) gets the plain body, which the compression middleware encodes.
  const coding = chooseCoding(request.headers.get('accept-encoding')) ?? 'identity'
  const answer = answerSharedJson(value, headers, { ifNoneMatch: request.headers.get('if-none-match'), coding })
  const body = answer.body ? new Uint8Array(answer.body.buffer as ArrayBuffer, answer.body.byteOffset, answer.body.length) : null
  return new Response(body, { status: answer.status, headers: answer.headers })
}
