import { isRouteErrorResponse } from 'react-router'
import { describe, expect, it } from 'vitest'
import { consume, rateRules } from './rate-limit.server'
import { networkKey } from './network'
import { enforceSignatureLimits } from './signature-limits.server'

async function refusal(promise: Promise<void>) {
  try {
    await promise
  } catch (thrown) {
    return thrown as { data: string; init: { status: number; headers: Record<string, string> } }
  }
  throw new Error('expected a refusal')
}

async function useUp(rule: 'signaturesPerIp' | 'signaturesPerEmailDomain', key: string, n: number) {
  for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => consume(rule, key)))
}

describe('signature limits', () => {
  it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(networkKey('2001:db8:85a3:0:1:2:3:4')).toBe('2001:db8:85a3:0::/64')
    expect(networkKey('2001:db8:85a3::9')).toBe(networkKey('2001:db8:85a3:0:ffff:1:2:3'))
    expect(networkKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(networkKey('203.0.113.7')).toBe('203.0.113.7')
  })

  it('refuses a network over its hourly limit with a clear 429 and a retry time', async () => {
    await useUp('signaturesPerIp', networkKey('198.51.100.1'), rateRules.signaturesPerIp.points)
    const refused = await refusal(enforceSignatureLimits({ ip: '198.51.100.1', email: 'a@example.org' }))
    expect(refused.init.status).toBe(429)
    expect(Number(refused.init.headers['Retry-After'])).toBeGreaterThan(0)
    expect(refused.data).toMatch(/try again in/)
    expect(isRouteErrorResponse(refused)).toBe(false) // thrown as data(): React Router turns it into the 429 page
    // Another network is unaffected.
    await expect(enforceSignatureLimits({ ip: '198.51.100.2', email: 'a@example.org' })).resolves.toBeUndefined()
  })

  it('limits a private email domain but never a public webmail domain', async () => {
    await useUp('signaturesPerEmailDomain', 'catch-all.example', rateRules.signaturesPerEmailDomain.points)
    const refused = await refusal(enforceSignatureLimits({ ip: '192.0.2.10', email: 'x1@catch-all.example' }))
    expect(refused.init.status).toBe(429)
    expect(refused.data).toContain('catch-all.example')

    await useUp('signaturesPerEmailDomain', 'gmail.com', rateRules.signaturesPerEmailDomain.points)
    await expect(enforceSignatureLimits({ ip: '192.0.2.11', email: 'someone@gmail.com' })).resolves.toBeUndefined()
  })
})
