import { describe, expect, it } from 'vitest'
import { loadEnv } from './env.server'

const base = { DATABASE_URL: 'postgres://localhost/duty', NODE_ENV: 'test' }

describe('configuration', () => {
  it('refuses a WEB_CONCURRENCY that is not a number of processes, naming it (it once ran one process silently)', () => {
    for (const value of ['x', '0', '1.5']) {
      expect(() => loadEnv({ ...base, WEB_CONCURRENCY: value }), value).toThrow(/WEB_CONCURRENCY/)
    }
  })

  it('reads WEB_CONCURRENCY, or defaults to one process per core (at most 4)', () => {
    expect(loadEnv({ ...base, WEB_CONCURRENCY: '3' }).WEB_CONCURRENCY).toBe(3)
    const fallback = loadEnv(base).WEB_CONCURRENCY
    expect(fallback).toBeGreaterThanOrEqual(1)
    expect(fallback).toBeLessThanOrEqual(4)
  })
})
