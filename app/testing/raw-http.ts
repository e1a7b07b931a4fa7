// Talking to a node:http listener the way a client on the wire does: no decompression, every header as sent.
// For the tests of what the server answers before Express (server/fast-paths.ts).
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** `listener` on a free loopback port. */
export function listen(listener: http.RequestListener) {
  return new Promise<http.Server>((resolve) => {
    const server = http.createServer(listener).listen(0, '127.0.0.1', () => resolve(server))
  })
}

/** One request; the body as the bytes that came. */
export function rawRequest(server: http.Server, options: { method?: string; path: string; headers?: Record<string, string> }) {
  const { port } = server.address() as AddressInfo
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}
