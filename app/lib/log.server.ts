// The one logger (decision 090): one JSON object per line on stdout, in every
// environment (`jq` or a log shipper reads it; nothing to configure). Every line
// has `time` (ISO), `level` (a word), `pid` and `msg`; a request's lines carry its
// `requestId`. Personal data (emails, names, postcodes, IPs) and tokens are never
// logged: pass ids and counts, and paths through `loggablePath`.
import { pino } from 'pino'

/** LOG_LEVEL's values (validated with the rest of the configuration in env.server.ts). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug'] as const
type LogLevel = (typeof LOG_LEVELS)[number]
const configured = LOG_LEVELS.find((level) => level === process.env.LOG_LEVEL)

export const log = pino({
  // Tests run quietly unless they fail; a process-level test reads the built server's own output.
  level: process.env.VITEST ? 'warn' : (configured ?? ('info' satisfies LogLevel)),
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  serializers: { err: pino.stdSerializers.err },
})

export type Logger = typeof log

/** Path segments that are secrets (emailed links): never in a log line. */
const SECRET_AFTER = /^\/(petition\/confirm|write\/confirm|write\/reply|unsubscribe|my-data|admin\/set-password)\/[^/]+/
/** Any other segment that looks like a token (long and random-looking) is hidden too. */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{24,}$/

/** The path as it may be logged: no query string, tokens replaced by `:token`, at most 200 characters. */
export function loggablePath(path: string): string {
  const bare = path.split('?', 1)[0].slice(0, 400)
  const hidden = bare.replace(SECRET_AFTER, (_, prefix: string) => `/${prefix}/:token`)
  return hidden
    .split('/')
    .map((segment) => (TOKEN_LIKE.test(segment) ? ':token' : segment))
    .join('/')
    .slice(0, 200)
}
