import { Writable } from 'node:stream'
import { renderToPipeableStream } from 'react-dom/server'
import { ServerRouter, isRouteErrorResponse, type AppLoadContext, type EntryContext, type HandleErrorFunction } from 'react-router'
import { isCrossSiteRefusal } from './lib/cross-site.server'
import { log, loggablePath } from './lib/log.server'
import { isDatabaseUnavailable, isInvalidInput } from './lib/unavailable.server'
import { NonceProvider } from './lib/nonce'
import { ServerRenderedProvider } from './components/server-rendered'
import { petitionJsonAnswer } from './petition/public-counts.server'

export const streamTimeout = 5_000

/**
 * Answers server/fast-paths.ts gives on node:http before Express and React Router (decision 082),
 * taken from this build so they share its module instances (the same cache as the routes).
 */
export const fastPaths = { '/petition.json': petitionJsonAnswer }

/**
 * Keeps the error so server/request-handler.ts can answer an outage with 503, and logs it once:
 * an expected answer (a 4xx: not found, a refused form, bad input) is one line without a stack
 * trace; anything else (a 5xx) with its stack (decision 090).
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  const loadContext = context as Partial<AppLoadContext> | undefined
  loadContext?.errors?.push(error)
  if (request.signal.aborted) return
  const where = { requestId: loadContext?.requestId, method: request.method, path: loggablePath(new URL(request.url).pathname) }
  // Another site's form, refused: one line, not a stack trace per attempt.
  if (isCrossSiteRefusal(error)) return log.warn({ ...where, origin: request.headers.get('origin')?.slice(0, 100) }, 'refused a form posted from another site')
  if (isRouteErrorResponse(error) && error.status < 500) return log.info({ ...where, status: error.status }, 'answered with an error page')
  const cause = isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error
  if (isDatabaseUnavailable(cause)) return log.warn({ ...where, reason: (cause as Error).message?.slice(0, 300) }, 'database unavailable: answered 503')
  if (isInvalidInput(cause)) return log.info(where, 'the database refused a value: answered 400')
  log.error({ ...where, err: cause }, 'request failed')
}

export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (request.method.toUpperCase() === 'HEAD') {
    headers.set('Content-Type', 'text/html; charset=utf-8')
    return new Response(null, { status, headers })
  }
  const nonce = loadContext.cspNonce
  return new Promise<Response>((resolve, reject) => {
    // Whole pages, not streamed: every page here is small and must work without JavaScript. The page is
    // handed on as one buffer, so the server compresses it with one call instead of a stream of React's
    // small writes (decision 123, server/whole-page-compression.ts).
    // Cleared once the page is ready: a pending timer would keep the whole render reachable for seconds.
    const timeout = setTimeout(() => abort(), streamTimeout + 1000)
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRenderedProvider value={loadContext.serverRendered}>
          <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
        </ServerRenderedProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(timeout)
          const chunks: Buffer[] = []
          pipe(
            new Writable({
              write(chunk: Buffer, _encoding, done) {
                chunks.push(chunk)
                done()
              },
              final(done) {
                headers.set('Content-Type', 'text/html; charset=utf-8')
                const page = Buffer.concat(chunks)
                resolve(new Response(new Uint8Array(page.buffer as ArrayBuffer, page.byteOffset, page.length), { status, headers }))
                done()
              },
            }),
          )
        },
        onShellError(error) {
          clearTimeout(timeout)
          reject(error)
        },
        onError(error) {
          status = 500
          log.error({ requestId: loadContext.requestId, err: error }, 'render failed')
        },
      },
    )
  })
}
