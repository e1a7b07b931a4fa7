import { describe, expect, it } from 'vitest'
import { prisma } from './db.server'
import { consume, rateRules, reset } from './rate-limit.server'

describe('rate limits', () => {
  it('allows up to the rule’s points per window, then refuses with a retry time', async () => {
    const { points } = rateRules.loginPerAccount
    for (let i = 0; i < points; i++) expect((await consume('loginPerAccount', 'kim@example.org')).allowed).toBe(true)
    const refused = await consume('loginPerAccount', 'kim@example.org')
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfterSeconds).toBeGreaterThan(0)
    expect((await consume('loginPerAccount', 'other@example.org')).allowed).toBe(true)
    // Stored in Postgres, so every web process sees the same count.
    expect(await prisma.rateLimit.count()).toBeGreaterThanOrEqual(2)
  })

  it('forgets a key on reset', async () => {
    for (let i = 0; i < 20; i++) await consume('loginPerAccount', 'sam@example.org')
    await reset('loginPerAccount', 'sam@example.org')
    expect((await consume('loginPerAccount', 'sam@example.org')).allowed).toBe(true)
  })
})
