// Abuse limits that hold across every web process and machine: counters live in Postgres,
// one row per rule and key, one statement per attempt. RATE_LIMITS=off disables them (load tests).
import pg from 'pg'
import { env } from './env.server'
import { log } from './log.server'
import { networkKey } from './network'

interface Rule {
  points: number
  /** Window, in seconds. */
  duration: number
  /** Keyed by the client's IP address, counted per network: an IPv4 address, or an IPv6 /64 (one subscriber's). */
  perNetwork?: true
}

/** Points allowed per window (seconds). Named for what they protect; every …PerIp rule counts per network. */
export const rateRules = {
  signaturesPerIp: { points: 200, duration: 3600, perNetwork: true }, // generous for shared connections, decision 040
  signaturesPerEmailDomain: { points: 2000, duration: 3600 },
  lettersPerIp: { points: 10, duration: 3600, perNetwork: true },
  lettersPerEmail: { points: 5, duration: 24 * 3600 },
  callsPerIp: { points: 10, duration: 3600, perNetwork: true }, // "I called" on /write (decision 113)
  // Failed sign-ins (decision 052): from one network to any account; to one account from one network;
  // and to one account from everywhere, a ceiling on distributed guessing.
  loginPerIp: { points: 20, duration: 900, perNetwork: true },
  loginPerAccountPerNetwork: { points: 8, duration: 900 },
  loginPerAccount: { points: 100, duration: 3600 },
  webhooksPerIp: { points: 600, duration: 60, perNetwork: true },
  dataRequestsPerIp: { points: 10, duration: 3600, perNetwork: true },
  dataRequestsPerEmail: { points: 3, duration: 24 * 3600 },
} as const satisfies Record<string, Rule>

export type RateRule = keyof typeof rateRules

export interface RateDecision {
  allowed: boolean
  retryAfterSeconds: number
}

let pool: pg.Pool | undefined

function store() {
  if (!pool) {
    pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 })
    // An idle connection dropped by a database restart is replaced on next use, not fatal.
    pool.on('error', (error) => log.warn({ reason: error.message }, 'rate-limit: idle database connection lost'))
  }
  return pool
}

// Every statement here is unnamed and parameterised, one round trip, no session state: behind PgBouncer in
// transaction mode each may run on a different server connection (rate-limiter-flexible's Postgres store named
// its prepared statements, which broke there: decision 080). Rows: key "<rule>:<key>", points used, expire
// (epoch ms) — the table layout the library used, so counters in flight survive the change.

/** Adds one attempt to the window (a new window if the last one has run out); the window's points and end. */
const CONSUME = `
  INSERT INTO "RateLimit" (key, points, expire) VALUES ($1, 1, $2)
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN "RateLimit".expire IS NULL OR "RateLimit".expire <= $3 THEN 1 ELSE "RateLimit".points + 1 END,
    expire = CASE WHEN "RateLimit".expire IS NULL OR "RateLimit".expire <= $3 THEN EXCLUDED.expire ELSE "RateLimit".expire END
  RETURNING points, expire`

/** Gives one attempt back within a live window. */
const REFUND = `UPDATE "RateLimit" SET points = greatest(points - 1, 0) WHERE key = $1 AND expire > $2`

const FORGET = `DELETE FROM "RateLimit" WHERE key = $1`

/** Windows that ended over an hour ago (the worker's hourly purge). */
const PURGE = `DELETE FROM "RateLimit" WHERE expire < $1`

/** The stored key: an IP address becomes its network for the rules counted per network. */
function keyFor(rule: RateRule, key: string) {
  const rules: Record<RateRule, Rule> = rateRules
  return `${rule}:${(rules[rule].perNetwork ? networkKey(key) : key).slice(0, 200)}`
}

/** Counts one attempt against `rule` for `key` (for a …PerIp rule, the client's IP address); says whether it is allowed. */
export async function consume(rule: RateRule, key: string): Promise<RateDecision> {
  if (!env().RATE_LIMITS) return { allowed: true, retryAfterSeconds: 0 }
  const now = Date.now()
  const { points, duration } = rateRules[rule]
  const { rows } = await store().query<{ points: number; expire: string }>(CONSUME, [keyFor(rule, key), now + duration * 1000, now])
  if (rows[0].points <= points) return { allowed: true, retryAfterSeconds: 0 }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(rows[0].expire) - now) / 1000)) }
}

/** Forgets a key's attempts (a successful sign-in clears its failures). */
export async function reset(rule: RateRule, key: string) {
  if (env().RATE_LIMITS) await store().query(FORGET, [keyFor(rule, key)])
}

/** Gives back one attempt (a successful sign-in does not count against its IP address). */
export async function refund(rule: RateRule, key: string) {
  if (env().RATE_LIMITS) await store().query(REFUND, [keyFor(rule, key), Date.now()])
}

/** Deletes counters whose window ended over an hour ago; how many. */
export async function purgeExpiredRateLimits(): Promise<number> {
  const { rowCount } = await store().query(PURGE, [Date.now() - 3_600_000])
  return rowCount ?? 0
}
