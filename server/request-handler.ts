// Express → React Router, like @react-router/express (whose code this follows),
// with two differences that the app needs:
// 1. The body is read here, bounded: MAX bytes whether or not the client sent a
//    Content-Length (a chunked body cannot stream past the limit) → 413.
// 2. A request that failed because the database is unreachable is answered with
//    503 and a friendly page (or JSON), never a 500; one that failed because
//    Postgres refused a value (null byte, malformed id) is answered 400. Errors
//    reach `handleError` in app/entry.server.tsx, which keeps them in the load
//    context for this check. Domain code should still validate its input.
// 3. A form posted from another site, which React Router refuses with a bare
//    "Bad Request", gets a page saying what happened (app/lib/cross-site.server.tsx).
import { writeReadableStreamToWritable } from '@react-router/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { createRequestHandler as createReactRouterHandler, type AppLoadContext, type ServerBuild } from 'react-router'
import { crossSiteResponse, isCrossSiteRefusal } from '~/lib/cross-site.server'
import { errorDocument } from '~/lib/error-document.server'
import type { IncomingHttpHeaders } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { forwardedValue } from '~/lib/network'
import { isDatabaseUnavailable, isInvalidInput } from '~/lib/unavailable.server'
import { prefersWelsh } from '~/i18n/accept-language'
import { forcedCacheControl } from './private-pages'
import { acceptsGzip, stitchedGzip, type StitchedGzip } from './stitched-gzip'
import { compressPage } from './whole-page-compression'

/** What every loader and action finds in its `context` (filled by getLoadContext, below). */
export interface AppContext {
  cspNonce: string
  /** The client's IP address: the socket's, or behind TRUST_PROXY proxies the one they forwarded (app/lib/network.ts). */
  clientIp: string
  /** The address of the TCP connection itself, never taken from a header (the dev mailbox serves only loopback). */
  socketAddress: string
  /** Errors React Router met while answering (filled by handleError in entry.server.tsx). */
  errors: unknown[]
  /** This request's id: in the X-Request-Id response header and on every log line about it. */
  requestId: string
  /**
   * On a document request (not a `.data` fetch): words loaders keep for the server's render only, out of the
   * hydration data (decision 121, app/lib/server-rendered.server.ts). Undefined on data requests.
   */
  serverRendered?: Record<string, unknown>
}

declare module 'react-router' {
  interface AppLoadContext extends AppContext {}
}

export class BodyTooLarge extends Error {}

/** Reads the whole body, refusing it as soon as it passes `limit` bytes. */
export function readBoundedBody(req: ExpressRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        cleanup()
        req.pause()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      resolve(Buffer.concat(chunks, size))
    }
    const onError = (error: Error) => {
      cleanup()
      reject(error)
    }
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('aborted', onAborted)
    }
    const onAborted = () => onError(new Error('request aborted'))
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('aborted', onAborted)
  })
}

function headersOf(req: ExpressRequest) {
  const headers = new Headers()
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue
    if (Array.isArray(values)) for (const value of values) headers.append(key, value)
    else headers.set(key, values)
  }
  return headers
}

const HOST = /^(?:[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63}){0,10}\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/

/**
 * The address the visitor asked for, as React Router sees it (its own cross-site check compares
 * a form's Origin with it). Behind `trustProxyHops` proxies, the scheme and host are the
 * forwarded ones that the outermost trusted proxy wrote, as for the client's IP
 * (app/lib/network.ts); with none, the connection's own.
 */
function urlOf(req: ExpressRequest, trustProxyHops: number) {
  const forwardedProto = forwardedValue(req.get('X-Forwarded-Proto'), trustProxyHops)?.toLowerCase()
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : (req.socket as TLSSocket).encrypted ? 'https' : 'http'
  const validHost = (value: string | undefined) => (value && value.length <= 300 && HOST.test(value) ? value : undefined)
  const host = validHost(forwardedValue(req.get('X-Forwarded-Host'), trustProxyHops)) ?? validHost(req.get('host')) ?? 'localhost'
  const base = `${protocol}://${host}`
  if (req.originalUrl.startsWith('/')) return new URL(`${base}${req.originalUrl}`)
  // An absolute-form request line (GET http://elsewhere/x): its path, on our host.
  const asked = URL.canParse(req.originalUrl, base) ? new URL(req.originalUrl, base) : new URL('/', base)
  return new URL(`${asked.pathname}${asked.search}`, base)
}

export function unavailableResponse(request: Request, stylesheet?: string): Response {
  const headers = { 'Retry-After': '10', 'Cache-Control': 'no-store' }
  const wantsHtml = (request.headers.get('accept') ?? '').includes('text/html') && !new URL(request.url).pathname.endsWith('.data')
  if (!wantsHtml) {
    return Response.json({ error: 'unavailable', message: 'We are very busy. Please try again in a minute.' }, { status: 503, headers })
  }
  const html = errorDocument({
    heading: 'Sorry, we are very busy',
    paragraphs: ['We could not finish that just now. If you were signing the petition or writing to your MP, it has not been sent yet: please go back and try again in a minute.'],
    stylesheet,
  })
  return new Response(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } })
}

/** A value the database could not take (a null byte, a malformed id): the request's fault, said plainly. */
export function invalidInputResponse(request: Request, stylesheet?: string): Response {
  const message = 'That request contained something we cannot accept (for example a null character or a malformed link). Please check it and try again.'
  const wantsHtml = (request.headers.get('accept') ?? '').includes('text/html') && !new URL(request.url).pathname.endsWith('.data')
  if (!wantsHtml) return Response.json({ error: 'invalid_input', message }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
  const html = errorDocument({ heading: 'There is a problem with that request', paragraphs: [message], stylesheet })
  return new Response(html, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
}

/** An HTML page (every one is rendered whole) that nobody has encoded yet: compressed here in one call (decision 123). */
const isWholePage = (response: Response) => !response.headers.has('content-encoding') && (response.headers.get('content-type') ?? '').startsWith('text/html')

async function send(req: ExpressRequest, res: ExpressResponse, response: Response, cacheControl?: string) {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel()
    return
  }
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) if (!(cacheControl && key === 'cache-control')) res.append(key, value)
  if (cacheControl) res.setHeader('Cache-Control', cacheControl)
  if (!response.body) {
    res.end()
    return
  }
  if (isWholePage(response)) {
    const page = await compressPage(Buffer.from(await response.arrayBuffer()), req.headers['accept-encoding'])
    if (res.destroyed || res.writableEnded) return
    if (page.coding) res.setHeader('Content-Encoding', page.coding)
    res.vary('Accept-Encoding')
    res.setHeader('Content-Length', page.body.length)
    res.end(page.body)
    return
  }
  try {
    await writeReadableStreamToWritable(response.body, res)
  } catch (error) {
    if (!(res.destroyed || res.writableEnded)) throw error
  }
}

/** What the page cache reads of a request: Express's, or node:http's own on the fast path (server/fast-paths.ts). */
interface CacheableRequest {
  method?: string
  url?: string
  originalUrl?: string
  headers: IncomingHttpHeaders
}

/** A cached page for one response, already encoded: its own nonce inside, gzip (decision 122). */
export interface EncodedPage {
  status: number
  headers: [string, string][]
  body: Buffer
}

/**
 * A one-second cache of public pages for visitors without cookies (a viral moment is
 * mostly first visits): one render a second instead of one per request. The page's CSP
 * nonce is swapped for each response's own, so every response still has a fresh one.
 * A copy is kept per language the browser asks for (decision 110): `/` sends a Welsh reader
 * to /cy, and must never hand them the English page another visitor was given.
 */
export function createPageCache(paths: string[], ttlMs: number) {
  const pages = new Map<string, { at: number; status: number; headers: [string, string][]; html: string; gzip?: StitchedGzip }>()
  const PLACEHOLDER = '\u0000nonce\u0000'
  const pathOf = (req: CacheableRequest) => req.originalUrl ?? req.url ?? ''
  const cacheable = (req: CacheableRequest) => req.method === 'GET' && !req.headers.cookie && paths.includes(pathOf(req))
  const keyOf = (req: CacheableRequest) => `${prefersWelsh(req.headers['accept-language'] ?? null) ? 'cy' : 'en'} ${pathOf(req)}`
  const fresh = (req: CacheableRequest) => {
    if (!cacheable(req)) return undefined
    const page = pages.get(keyOf(req))
    return page && Date.now() - page.at <= ttlMs ? page : undefined
  }
  /** Compressed once per render, not per response (decision 122); undefined when the request does not take gzip. */
  const encoded = (req: CacheableRequest, nonce: string): EncodedPage | undefined => {
    const page = fresh(req)
    if (!page || !acceptsGzip(req.headers['accept-encoding'])) return undefined
    page.gzip ??= stitchedGzip(page.html, PLACEHOLDER, Buffer.byteLength(nonce))
    const body = page.gzip.withNonce(nonce)
    if (!body) return undefined
    const vary = page.headers.find(([name]) => name === 'vary')?.[1]
    const headers = page.headers.filter(([name]) => name !== 'vary')
    headers.push(['content-encoding', 'gzip'], ['content-length', String(body.length)], ['vary', [vary, 'Accept-Encoding'].filter(Boolean).join(', ')])
    return { status: page.status, headers, body }
  }
  return {
    /** Whether `encoded` would answer this request (checked before a nonce is made for it). */
    has: (req: CacheableRequest) => fresh(req) !== undefined && acceptsGzip(req.headers['accept-encoding']),
    encoded,
    get(req: CacheableRequest, nonce: string): Response | undefined {
      const gzip = encoded(req, nonce)
      // compression() leaves an encoded body alone.
      if (gzip) return new Response(new Uint8Array(gzip.body.buffer as ArrayBuffer, gzip.body.byteOffset, gzip.body.length), { status: gzip.status, headers: gzip.headers })
      const page = fresh(req)
      return page ? new Response(page.html.replaceAll(PLACEHOLDER, nonce), { status: page.status, headers: page.headers }) : undefined
    },
    /** Keeps a copy of a fresh render when it can be shared; returns the response to send. */
    async put(req: CacheableRequest, nonce: string, response: Response): Promise<Response> {
      if (!cacheable(req) || response.status !== 200 || response.headers.has('set-cookie') || !response.headers.get('content-type')?.startsWith('text/html')) {
        return response
      }
      const html = await response.text()
      const headers = [...response.headers.entries()].filter(([name]) => name !== 'content-length' && name !== 'content-encoding')
      pages.set(keyOf(req), { at: Date.now(), status: 200, headers, html: html.replaceAll(nonce, PLACEHOLDER) })
      return new Response(html, { status: 200, headers })
    },
  }
}

export type PageCache = ReturnType<typeof createPageCache>

export function createRequestHandler(options: {
  build: ServerBuild
  mode: 'production' | 'development'
  /** The largest body a request to this path may send. */
  maxBodyBytes: (path: string) => number
  trustProxyHops: number
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppContext & AppLoadContext
  stylesheet?: string
  pageCache?: PageCache
}) {
  const handle = createReactRouterHandler(options.build, options.mode)
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const cached = options.pageCache?.get(req, res.locals.cspNonce as string)
      if (cached) {
        await send(req, res, cached, forcedCacheControl(req.method, req.path))
        return
      }
      const controller = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) controller.abort()
      })
      const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: headersOf(req), signal: controller.signal }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        try {
          const body = await readBoundedBody(req, options.maxBodyBytes(req.path))
          init.body = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length)
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error
          res.status(413).set('Connection', 'close').type('text/plain').send('That request is too large.')
          return
        }
      }
      const request = new Request(urlOf(req, options.trustProxyHops).href, init)
      const context = options.getLoadContext(req, res)
      let response = await handle(request, context)
      if (response.status >= 500 && context.errors.some(isDatabaseUnavailable)) {
        await response.body?.cancel()
        response = unavailableResponse(request, options.stylesheet)
      } else if (response.status >= 500 && context.errors.some(isInvalidInput)) {
        await response.body?.cancel()
        response = invalidInputResponse(request, options.stylesheet)
      } else if (response.status === 400 && context.errors.some(isCrossSiteRefusal)) {
        const page = crossSiteResponse(request, options.stylesheet)
        if (page) {
          await response.body?.cancel()
          response = page
        }
      } else if (options.pageCache) {
        response = await options.pageCache.put(req, context.cspNonce, response)
      }
      await send(req, res, response, forcedCacheControl(req.method, req.path))
    } catch (error) {
      next(error)
    }
  }
}
