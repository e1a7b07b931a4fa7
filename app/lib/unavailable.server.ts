// Tells a database outage (refused, dropped or timed-out connections, a server
// shutting down or starting up) from a bug, so an outage is answered with a
// fast 503 "try again in a minute" instead of a 500; and a value the database
// cannot take (a null byte, a malformed id) from a bug, so it is answered 400.
// Used by server/request-handler.ts.

/** Connection-level failures: node socket errors, Postgres SQLSTATE classes 08/57P, Prisma P1xxx / pool timeout. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006',
  'P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037',
])

const UNAVAILABLE_MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|can't reach database|connect ECONNREFUSED|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command|server closed the connection unexpectedly|Connection ended unexpectedly|Client has encountered a connection error|too many clients|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|Cannot use a pool after calling end/i

function* chain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current) && seen.size < 8) {
    seen.add(current)
    yield current as Record<string, unknown>
    const record = current as Record<string, unknown>
    if (Array.isArray(record.errors)) for (const inner of record.errors) yield* chain(inner) // AggregateError (IPv4 + IPv6 refusals)
    current = record.cause
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    for (const key of ['code', 'originalCode', 'kind']) {
      const value = e[key]
      if (typeof value === 'string' && (UNAVAILABLE_CODES.has(value) || UNAVAILABLE_MESSAGES.test(value))) return true
    }
    for (const key of ['message', 'originalMessage']) {
      const value = e[key]
      if (typeof value === 'string' && UNAVAILABLE_MESSAGES.test(value)) return true
    }
  }
  return false
}

/**
 * Postgres refused a value, not the query: a null byte or invalid UTF-8 (22021, 22P05),
 * text that is not a valid id or number (22P02), too long for its column (22001),
 * out of range (22003, 22008), or a malformed date (22007). Bad input, answered 400.
 */
const INVALID_INPUT_CODES = new Set(['22021', '22P05', '22P02', '22001', '22003', '22007', '22008'])
const INVALID_INPUT_MESSAGES = /invalid byte sequence for encoding|invalid input syntax for type|value too long for type|out of range for type|unsupported Unicode escape sequence|null character not permitted/i

export function isInvalidInput(error: unknown): boolean {
  for (const e of chain(error)) {
    for (const key of ['code', 'originalCode']) {
      const value = e[key]
      if (typeof value === 'string' && INVALID_INPUT_CODES.has(value)) return true
    }
    for (const key of ['message', 'originalMessage']) {
      const value = e[key]
      if (typeof value === 'string' && INVALID_INPUT_MESSAGES.test(value)) return true
    }
  }
  return false
}
