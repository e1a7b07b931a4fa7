// A tiny loopback HTTP server for stubs of outside services.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StubRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: unknown
}

export interface StubResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
  delayMs?: number
}

export type StubHandler = (req: StubRequest) => StubResponse | Promise<StubResponse>

export interface RunningStub {
  url: string
  port: number
  close: () => Promise<void>
}

export async function startHttpStub(handler: StubHandler, port = 0): Promise<RunningStub> {
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: unknown = raw
    if (raw && (req.headers['content-type'] ?? '').includes('json')) {
      try {
        body = JSON.parse(raw)
      } catch {
        body = undefined
      }
    }
    const url = new URL(req.url ?? '/', 'http://stub')
    try {
      const out = await handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body })
      if (out.delayMs) await new Promise((r) => setTimeout(r, out.delayMs))
      res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers })
      res.end(out.body === undefined ? '' : JSON.stringify(out.body))
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: (error as Error).message }))
    }
  }
  const server = http.createServer((req, res) => void answer(req, res))
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
