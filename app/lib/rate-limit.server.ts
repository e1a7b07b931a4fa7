// Abuse limits that hold across every web process: counters live in Postgres
// (rate-limiter-flexible's Postgres store). RATE_LIMITS=off disables them (load tests).
import pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { env } from './env.server'
import { networkKey } from './network'
import { log } from './log.server'

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
const limiters = new Map<RateRule, RateLimiterPostgres>()

function limiter(rule: RateRule) {
  let found = limiters.get(rule)
  if (!found) {
    if (!pool) {
      pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 })
      // An idle connection dropped by a database restart is replaced on next use, not fatal.
      pool.on('error', (error) => log.warn({ reason: error.message }, 'rate-limit: idle database connection lost'))
    }
    found = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'RateLimit',
      tableCreated: true,
      keyPrefix: rule,
      points: rateRules[rule].points,
      duration: rateRules[rule].duration,
    })
    limiters.set(rule, found)
  }
  return found
}

/** The stored key: an IP address becomes its network for the rules counted per network. */
function keyFor(rule: RateRule, key: string) {
  const rules: Record<RateRule, Rule> = rateRules
  return (rules[rule].perNetwork ? networkKey(key) : key).slice(0, 200)
}

/** Counts one attempt against `rule` for `key` (for a …PerIp rule, the client's IP address); says whether it is allowed. */
export async function consume(rule: RateRule, key: string): Promise<RateDecision> {
  if (!env().RATE_LIMITS) return { allowed: true, retryAfterSeconds: 0 }
  try {
    await limiter(rule).consume(keyFor(rule, key))
    return { allowed: true, retryAfterSeconds: 0 }
  } catch (result) {
    if (result instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.ceil(result.msBeforeNext / 1000) }
    throw result
  }
}

/** Forgets a key's attempts (a successful sign-in clears its failures). */
export async function reset(rule: RateRule, key: string) {
  if (env().RATE_LIMITS) await limiter(rule).delete(keyFor(rule, key))
}

/** Gives back one attempt (a successful sign-in does not count against its IP address). */
export async function refund(rule: RateRule, key: string) {
  if (env().RATE_LIMITS) await limiter(rule).reward(keyFor(rule, key), 1)
}
