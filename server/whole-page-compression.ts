// Pages are rendered whole (app/entry.server.tsx), so they are compressed whole: one zlib call per
// page. Fed through the compression middleware's stream, React's many small writes made brotli cost
// ≈ 4.8 ms of CPU for the 25 KB home page; one call costs ≈ 0.3 ms, for the same bytes (decision 123).
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { chooseCoding } from '~/lib/encoded-json.server'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** As the compression middleware: smaller bodies are not worth a Content-Encoding. */
export const COMPRESSION_THRESHOLD_BYTES = 1024

export interface CompressedPage {
  body: Buffer
  /** The Content-Encoding to send, or undefined for the plain bytes. */
  coding?: 'br' | 'gzip'
}

/**
 * The page in the best encoding the request takes. Brotli quality 4 is the compression middleware's
 * own setting (its size for the speed); a request that takes only deflate gets the plain page here and
 * is left to the middleware.
 */
export async function compressPage(html: Buffer, acceptEncoding: string | undefined): Promise<CompressedPage> {
  if (html.length < COMPRESSION_THRESHOLD_BYTES) return { body: html }
  const coding = chooseCoding(acceptEncoding)
  if (coding === 'br') {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length }
    return { body: await brotli(html, { params }), coding }
  }
  if (coding === 'gzip') return { body: await gzip(html, { level: 6 }), coding }
  return { body: html }
}
