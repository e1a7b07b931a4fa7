// Answers that need neither Express nor React Router: `GET|HEAD /petition.json`,
// served straight on node:http from the pre-encoded body the route itself uses
// (app/entry.server.tsx's `fastPaths`: same memoised figures, same bytes, same headers),
// plus the headers Express would have added (security headers, X-Request-Id).
// A refresh storm on the public count costs a header lookup and a write per
// request instead of the whole middleware and routing pipeline (decision 082).
// Anything unusual (another method, a query the route answers differently, an
// encoding we do not keep ready, the database down) falls through to the app.
// The page cache's copies of `/`, `/map` and their Welsh twins are answered here
// too, gzip with the response's own nonce (decision 122), with the headers the
// app's path gives them; a page not cached this second is left to the app, which
// renders and caches it.
import type http from 'node:http'
import type { ServerBuild } from 'react-router'
import type { JsonAnswer } from '~/lib/encoded-json.server'
import { log } from '~/lib/log.server'
import { forcedCacheControl } from './private-pages'
import type { PageCache } from './request-handler'
import { newNonce, requestIdOf, securityHeaders } from './response-headers'

type FastAnswer = (request: { acceptEncoding: string | undefined; ifNoneMatch: string | undefined }) => Promise<JsonAnswer | undefined>

const PATH = '/petition.json'
/** The access log for fast answers: one line per this many milliseconds with what was answered (decision 082). */
export const FAST_LOG_INTERVAL_MS = 10_000

export type FastPaths = (req: http.IncomingMessage, res: http.ServerResponse, app: http.RequestListener) => boolean

export function createFastPaths(options: { build: ServerBuild; production: boolean; logIntervalMs?: number; pageCache?: PageCache }): FastPaths {
  const intervalMs = options.logIntervalMs ?? FAST_LOG_INTERVAL_MS
  // From the build's server entry (app/entry.server.tsx): the very module instances the route uses.
  const answer = (options.build.entry.module as { fastPaths?: Record<string, FastAnswer> }).fastPaths?.[PATH]
  const json = answer ? jsonFastPath(answer, options.production, intervalMs) : undefined
  const pages = options.pageCache ? cachedPageFastPath(options.pageCache, options.production, intervalMs) : undefined
  return (req, res, app) => (json?.(req, res, app) ?? false) || (pages?.(req, res) ?? false)
}

function jsonFastPath(answer: FastAnswer, production: boolean, intervalMs: number): FastPaths {
  const tally = createTally(PATH, intervalMs)
  return (req, res, app) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const url = req.url
    if (url !== PATH && !url?.startsWith(`${PATH}?`)) return false
    const started = performance.now()
    const requestId = requestIdOf(req.headers['x-request-id'])
    answer({ acceptEncoding: req.headers['accept-encoding'], ifNoneMatch: req.headers['if-none-match'] }).then(
      (found) => {
        if (!found) return app(req, res)
        const headers: Record<string, string | number> = { 'X-Request-Id': requestId }
        for (const [name, value] of securityHeaders(PATH, newNonce(), production)) headers[name] = value
        Object.assign(headers, found.headers)
        const forced = forcedCacheControl(req.method!, PATH)
        if (forced) headers['Cache-Control'] = forced
        if (found.body) headers['Content-Length'] = found.body.length
        res.writeHead(found.status, headers)
        res.end(req.method === 'HEAD' ? undefined : found.body)
        tally(found.status, performance.now() - started)
      },
      // The figures could not be read (the database is down): the app answers, with its 503 page and its log line.
      () => app(req, res),
    )
    return true
  }
}

/** A cached page (server/request-handler.ts's page cache) with the headers Express and the app would add. */
function cachedPageFastPath(cache: PageCache, production: boolean, intervalMs: number) {
  const tallies = new Map<string, ReturnType<typeof createTally>>()
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    if (req.method !== 'GET' || !cache.has(req)) return false
    const started = performance.now()
    const nonce = newNonce()
    const page = cache.encoded(req, nonce)
    if (!page) return false
    const path = req.url!
    // One spelling per header (lower case), so the forced Cache-Control replaces the page's rather than joining it.
    const headers: Record<string, string> = { 'x-request-id': requestIdOf(req.headers['x-request-id']) }
    for (const [name, value] of securityHeaders(path, nonce, production)) headers[name.toLowerCase()] = value
    for (const [name, value] of page.headers) headers[name.toLowerCase()] = value
    const forced = forcedCacheControl('GET', path)
    if (forced) headers['cache-control'] = forced
    res.writeHead(page.status, headers)
    res.end(page.body)
    let tally = tallies.get(path)
    if (!tally) tallies.set(path, (tally = createTally(path, intervalMs)))
    tally(page.status, performance.now() - started)
    return true
  }
}

/** The tallies with answers not yet logged, so shutdown can log them (their timers are unref'd). */
const unlogged = new Set<() => void>()

/** Logs what the fast paths answered since their last line, now: at shutdown, so the last interval is not lost. */
export function flushFastPathLog() {
  for (const flush of [...unlogged]) flush()
}

/** Counts fast answers and logs them as one line per interval, not one per request. */
function createTally(path: string, intervalMs: number) {
  let statuses: Record<number, number> = {}
  let slowestMs = 0
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    unlogged.delete(flush)
    log.info({ path, fastPath: true, statuses, slowestMs: Math.round(slowestMs * 10) / 10, seconds: intervalMs / 1000 }, 'requests answered on the fast path')
    statuses = {}
    slowestMs = 0
  }
  return (status: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1
    if (ms > slowestMs) slowestMs = ms
    if (!timer) {
      timer = setTimeout(flush, intervalMs).unref()
      unlogged.add(flush)
    }
  }
}
