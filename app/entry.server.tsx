import { createReadableStreamFromReadable } from '@react-router/node'
import { PassThrough } from 'node:stream'
import { renderToPipeableStream } from 'react-dom/server'
import { ServerRouter, isRouteErrorResponse, type AppLoadContext, type EntryContext, type HandleErrorFunction } from 'react-router'
import { isCrossSiteRefusal } from './lib/cross-site.server'
import { NonceProvider } from './lib/nonce'

export const streamTimeout = 5_000

/** Logs like React Router's default, and keeps the error so server/http.ts can answer an outage with 503. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  ;(context as Partial<AppLoadContext> | undefined)?.errors?.push(error)
  // Another site's form, refused: one line, not a stack trace per attempt.
  if (isCrossSiteRefusal(error)) return console.warn(`Refused a form posted from another site: ${request.method} ${new URL(request.url).pathname} (Origin: ${request.headers.get('origin')?.slice(0, 100) ?? 'none'})`)
  if (!request.signal.aborted) console.error(isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error)
}

export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status, headers })
  const nonce = loadContext.cspNonce
  return new Promise<Response>((resolve, reject) => {
    // Whole pages, not streamed: every page here is small and must work without JavaScript.
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough()
          headers.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { status, headers }))
          pipe(body)
        },
        onShellError: reject,
        onError(error) {
          status = 500
          console.error(error)
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}
