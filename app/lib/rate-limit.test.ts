import { describe, expect, it } from 'vitest'
import { prisma } from './db.server'
import { consume, purgeExpiredRateLimits, rateRules, refund, reset } from './rate-limit.server'

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

describe('limits keyed by the client’s address', () => {
  const PER_NETWORK = ['signaturesPerIp', 'lettersPerIp', 'callsPerIp', 'loginPerIp', 'webhooksPerIp', 'dataRequestsPerIp'] as const

  it('covers every …PerIp rule', () => {
    expect(Object.keys(rateRules).filter((r) => r.endsWith('PerIp')).sort()).toEqual([...PER_NETWORK].sort())
  })

  it('count every address of one IPv6 /64 as one client, for every rule', async () => {
    for (const [n, rule] of PER_NETWORK.entries()) {
      // Each attempt from a different address in 2001:db8:n::/64, as a client rotating through its /64 would.
      const address = (i: number) => `2001:db8:${n}:0:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}:0:1`
      const { points } = rateRules[rule]
      for (let i = 0; i < points; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, points - i) }, (_, j) => consume(rule, address(i + j))))
      }
      expect((await consume(rule, `2001:db8:${n}:0:ffff:ffff:ffff:ffff`)).allowed, rule).toBe(false)
      expect((await consume(rule, `2001:db8:${n}:1::1`)).allowed, `${rule}: the next /64 is someone else`).toBe(true)
    }
  })

  it('count an IPv4-mapped address as the IPv4 address it is', async () => {
    for (let i = 0; i < rateRules.dataRequestsPerIp.points; i++) await consume('dataRequestsPerIp', '::ffff:203.0.113.9')
    expect((await consume('dataRequestsPerIp', '203.0.113.9')).allowed).toBe(false)
  })
})

describe('rate-limit windows', () => {
  it('start afresh once the last window has run out, and give back a refunded attempt', async () => {
    const { points } = rateRules.lettersPerEmail
    for (let i = 0; i < points; i++) await consume('lettersPerEmail', 'win@example.org')
    expect((await consume('lettersPerEmail', 'win@example.org')).allowed).toBe(false)
    await refund('lettersPerEmail', 'win@example.org')
    await refund('lettersPerEmail', 'win@example.org')
    expect((await consume('lettersPerEmail', 'win@example.org')).allowed).toBe(true)
    expect((await consume('lettersPerEmail', 'win@example.org')).allowed).toBe(false)
    // The window ends: the next attempt opens a new one.
    await prisma.rateLimit.update({ where: { key: 'lettersPerEmail:win@example.org' }, data: { expire: BigInt(Date.now() - 1) } })
    expect((await consume('lettersPerEmail', 'win@example.org')).allowed).toBe(true)
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: 'lettersPerEmail:win@example.org' } })).points).toBe(1)
  })

  it('purges windows that ended over an hour ago, and only those', async () => {
    await prisma.rateLimit.createMany({
      data: [
        { key: 'loginPerIp:old', points: 3, expire: BigInt(Date.now() - 2 * 3_600_000) },
        { key: 'loginPerIp:recent', points: 3, expire: BigInt(Date.now() - 60_000) },
      ],
    })
    expect(await purgeExpiredRateLimits()).toBeGreaterThanOrEqual(1)
    expect(await prisma.rateLimit.count({ where: { key: { in: ['loginPerIp:old', 'loginPerIp:recent'] } } })).toBe(1)
  })
})
