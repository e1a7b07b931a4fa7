// The HTTP side: Express in front of the React Router build, with security
// headers, compression, static assets and a body size limit.
import compression from 'compression'
import express from 'express'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import type { ServerBuild } from 'react-router'
import { clientAddress } from '~/lib/network'
import { log, loggablePath } from '~/lib/log.server'
import { ROOT } from './database'
import { createFastPaths } from './fast-paths'
import { createPageCache, createRequestHandler } from './request-handler'
import { newNonce, requestIdOf, securityHeaders } from './response-headers'

const MAX_BODY_BYTES = 256 * 1024
/** The one larger body: a campaigner's CSV of paper signatures (the app refuses files over 2 MB with a clear message). */
const PAPER_UPLOAD_PATH = '/admin/paper'
const PAPER_UPLOAD_BYTES = 4 * 1024 * 1024
const maxBodyBytes = (path: string) => (path === PAPER_UPLOAD_PATH ? PAPER_UPLOAD_BYTES : MAX_BODY_BYTES)

/**
 * The server's request listener: the fast paths (server/fast-paths.ts) first, then Express
 * and React Router. `fastPaths: false` leaves everything to the app (tests compare the two).
 */
export async function createHttpApp(options: { trustProxyHops: number; production: boolean; fastPaths?: boolean }): Promise<http.RequestListener> {
  const build = (await import(path.join(ROOT, 'build', 'server', 'index.js'))) as ServerBuild
  const app = express()
  app.disable('x-powered-by')
  // A number of hops, never `true` (which believes the left-most X-Forwarded-For entry, the client's own words).
  app.set('trust proxy', options.trustProxyHops > 0 ? options.trustProxyHops : false)
  // The campaign page and the map are the same for every first-time visitor: rendered at most once a second.
  // Their Welsh twins too: the cache keys each copy by its path, so /cy/map never answers /map (decision 110).
  // Served by the app's handler and, once cached and gzip-encoded, by the fast paths before Express (decision 122).
  const pageCache = options.production ? createPageCache(['/', '/map', '/cy', '/cy/map'], 1_000) : undefined
  app.use(requestLog)
  app.use(compression())

  app.use(
    '/assets',
    express.static(path.join(ROOT, 'build', 'client', 'assets'), { immutable: true, maxAge: '1y', index: false }),
  )
  // Only the few files at the top of build/client (favicon…): no file-system lookup for every page request.
  const clientDir = path.join(ROOT, 'build', 'client')
  const topFiles = new Set(fs.readdirSync(clientDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${e.name}`))
  const topStatic = express.static(clientDir, { maxAge: '1h', index: false })
  app.use((req, res, next) => (topFiles.has(req.path) ? topStatic(req, res, next) : next()))

  app.use((req, res, next) => {
    const length = Number(req.headers['content-length'] ?? 0)
    if (length > maxBodyBytes(req.path)) {
      res.status(413).type('text/plain').send('That request is too large.')
      return
    }
    const nonce = newNonce()
    res.locals.cspNonce = nonce
    for (const [name, value] of securityHeaders(req.path, nonce, options.production)) res.setHeader(name, value)
    next()
  })

  // A page's data request (/write.data) names a page; a file-like resource (/petition.json, /og/x.png, an export)
  // has none, and React Router would try to read its encoded body as JSON: a 404, never a 500.
  app.use((req, res, next) => {
    if (!/\.[A-Za-z0-9]{2,4}\.data$/.test(req.path)) return next()
    res.status(404).set('Cache-Control', 'private, no-store').type('text/plain').send('Not found.')
  })

  app.all(
    '/{*splat}',
    createRequestHandler({
      build,
      mode: options.production ? 'production' : 'development',
      maxBodyBytes,
      trustProxyHops: options.trustProxyHops,
      stylesheet: stylesheetOf(build),
      pageCache,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientIp: clientAddress({ socket: req.socket.remoteAddress, forwardedFor: req.get('X-Forwarded-For'), hops: options.trustProxyHops }),
        socketAddress: req.socket.remoteAddress ?? 'unknown',
        errors: [],
        requestId: res.locals.requestId as string,
        serverRendered: req.path.endsWith('.data') ? undefined : {},
      }),
    }),
  )
  if (options.fastPaths === false) return app
  const fast = createFastPaths({ build, production: options.production, pageCache })
  return (req, res) => {
    if (!fast(req, res, app)) app(req, res)
  }
}

/**
 * Gives every request an id (the X-Request-Id response header) and writes one access log line when
 * it ends: method, path (no query string, tokens hidden), status, duration, id. No IP, no user agent:
 * the abuse limits keep what they need in Postgres (decision 090).
 */
function requestLog(req: express.Request, res: express.Response, next: express.NextFunction) {
  const requestId = requestIdOf(req.headers['x-request-id'])
  res.locals.requestId = requestId
  res.setHeader('X-Request-Id', requestId)
  const started = process.hrtime.bigint()
  let logged = false
  const done = () => {
    if (logged) return
    logged = true
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10
    const line = { requestId, method: req.method, path: loggablePath(req.originalUrl), status: res.statusCode, ms, ...(res.writableFinished ? {} : { aborted: true }) }
    if (res.statusCode >= 500) log.error(line, 'request')
    else log.info(line, 'request')
  }
  res.once('finish', done)
  res.once('close', done)
  next()
}

/** The app's stylesheet, for pages served outside React (the 503 page). */
function stylesheetOf(build: ServerBuild): string | undefined {
  const dir = path.join(ROOT, 'build', 'client', 'assets')
  const css = fs.readdirSync(dir).find((f) => /^app-[\w-]+\.css$/.test(f))
  return css ? `${build.publicPath ?? '/'}assets/${css}` : undefined
}

/** Requests Node cannot parse get a short plain answer (Node's default is an empty 400). */
export function answerClientErrors(server: import('node:http').Server) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:stream').Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const [status, text] =
      error.code === 'HPE_HEADER_OVERFLOW' ? ['431 Request Header Fields Too Large', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? ['408 Request Timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? ['413 Payload Too Large', 'That request is too large.']
      : ['400 Bad Request', 'That request was not valid HTTP.']
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`)
  })
}
