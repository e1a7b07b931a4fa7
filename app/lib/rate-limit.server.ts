// Abuse limits that hold across every web process: counters live in Postgres
// (rate-limiter-flexible's Postgres store). RATE_LIMITS=off disables them (load tests).
import pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { env } from './env.server'

/** Points allowed per window (seconds). Named for what they protect. */
export const rateRules = {
  signaturesPerIp: { points: 200, duration: 3600 }, // per network (IPv6 /64); generous for shared connections, decision 040
  signaturesPerEmailDomain: { points: 2000, duration: 3600 },
  lettersPerIp: { points: 10, duration: 3600 },
  lettersPerEmail: { points: 5, duration: 24 * 3600 },
  loginPerIp: { points: 20, duration: 900 },
  loginPerAccount: { points: 8, duration: 900 },
  webhooksPerIp: { points: 600, duration: 60 },
  dataRequestsPerIp: { points: 10, duration: 3600 },
  dataRequestsPerEmail: { points: 3, duration: 24 * 3600 },
} as const

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
      pool.on('error', (error) => console.error('[rate-limit] idle connection lost:', error.message))
    }
    found = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'RateLimit',
      tableCreated: true,
      keyPrefix: rule,
      ...rateRules[rule],
    })
    limiters.set(rule, found)
  }
  return found
}

/** Counts one attempt against `rule` for `key`; says whether it is allowed. */
export async function consume(rule: RateRule, key: string): Promise<RateDecision> {
  if (!env().RATE_LIMITS) return { allowed: true, retryAfterSeconds: 0 }
  try {
    await limiter(rule).consume(key.slice(0, 200))
    return { allowed: true, retryAfterSeconds: 0 }
  } catch (result) {
    if (result instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.ceil(result.msBeforeNext / 1000) }
    throw result
  }
}

/** Forgets a key's attempts (a successful sign-in clears its failures). */
export async function reset(rule: RateRule, key: string) {
  if (env().RATE_LIMITS) await limiter(rule).delete(key.slice(0, 200))
}

/** Gives back one attempt (a successful sign-in does not count against its IP address). */
export async function refund(rule: RateRule, key: string) {
  if (env().RATE_LIMITS) await limiter(rule).reward(key.slice(0, 200), 1)
}
