// A page compressed once and served many times, each time with its own CSP nonce (decision 122). Compressing a
// 25 KB page per response cost more than everything else the page cache does; the nonce is the only part that
// changes. So the page is split at its nonces, each piece deflated once and ended on a byte boundary (a full flush,
// so no piece refers back into another), and every response is a valid gzip stream stitched from those pieces, its
// own nonce as a stored (uncompressed) deflate block between them, and a CRC computed over the bytes it carries.
import zlib from 'node:zlib'

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff])
/** The last deflate block: stored, empty, BFINAL set. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])

export interface StitchedGzip {
  /**
   * The response body for this nonce: gzip, with `nonce` wherever the page had its placeholder; null for a nonce
   * of another length than the one the page was prepared for (back-references are measured across it).
   */
  withNonce(nonce: string): Buffer | null
}

/** One stored deflate block (not final) holding `bytes` (at most 65,535 of them). */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5)
  header[0] = 0x00
  header.writeUInt16LE(bytes.length, 1)
  header.writeUInt16LE(~bytes.length & 0xffff, 3)
  return Buffer.concat([header, bytes])
}

/** The last 32 KB (deflate's window) of the page before piece `i`, each nonce in it written as NULs. */
function historyBefore(pieces: Buffer[], i: number, nonceLength: number): Buffer {
  const gap = Buffer.alloc(nonceLength)
  const history = Buffer.concat(pieces.slice(0, i).flatMap((piece) => [piece, gap]))
  return history.subarray(Math.max(0, history.length - 32 * 1024))
}

/** Prepares `html`, whose nonces are written as `placeholder`, for gzip responses with nonces of `nonceLength` bytes. */
export function stitchedGzip(html: string, placeholder: string, nonceLength: number): StitchedGzip {
  const pieces = html.split(placeholder).map((text) => Buffer.from(text, 'utf8'))
  const deflated = pieces.map((piece, i) => {
    // Each piece may refer back into the page before it (the reader's window holds it), but never into a nonce:
    // the compressor is told the nonce's bytes were NULs, which no piece of HTML contains, so nothing matches them.
    const before = i === 0 || piece.includes(0) ? undefined : historyBefore(pieces, i, nonceLength)
    return zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH, ...(before ? { dictionary: before } : {}) })
  })
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0)
  return {
    withNonce(nonce: string) {
      const value = Buffer.from(nonce, 'utf8')
      if (value.length !== nonceLength || value.length > 0xffff) return null
      const stored = storedBlock(value)
      const parts: Buffer[] = [GZIP_HEADER]
      let crc = 0
      pieces.forEach((piece, i) => {
        if (i > 0) {
          parts.push(stored)
          crc = zlib.crc32(value, crc)
        }
        parts.push(deflated[i])
        crc = zlib.crc32(piece, crc)
      })
      const trailer = Buffer.alloc(8)
      trailer.writeUInt32LE(crc >>> 0, 0)
      trailer.writeUInt32LE((length + value.length * (pieces.length - 1)) >>> 0, 4)
      parts.push(FINAL_BLOCK, trailer)
      return Buffer.concat(parts)
    },
  }
}

/** Whether a request's Accept-Encoding takes gzip: named, or `*`, without q=0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding || acceptEncoding.length > 1000) return false
  const weights = new Map<string, number>()
  for (const entry of acceptEncoding.split(',')) {
    const [coding, ...params] = entry.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    weights.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)))
  }
  const weight = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0
  return weight > 0
}
