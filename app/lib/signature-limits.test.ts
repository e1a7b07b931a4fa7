import { isRouteErrorResponse } from 'react-router'
import { describe, expect, it } from 'vitest'
import { consume, rateRules } from './rate-limit.server'
import { networkKey } from './network'
import { enforceSignatureLimits, signingDomain } from './signature-limits.server'

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

  it('counts catch-all subdomains against their registrable domain, so making up subdomains does not walk past the limit', async () => {
    expect(signingDomain('a@x1.evil.co.uk')).toBe('evil.co.uk')
    expect(signingDomain('b@X2.Evil.co.uk')).toBe('evil.co.uk')
    expect(signingDomain('c@deep.x3.evil.co.uk')).toBe('evil.co.uk')
    expect(signingDomain('d@evil.co.uk')).toBe('evil.co.uk')
    // A public provider's own domain is exempt; its subdomains are its customers' catch-all domains, each one limited.
    expect(signingDomain('e@gmail.com')).toBeNull()
    expect(signingDomain('f@x1.gmail.com')).toBe('x1.gmail.com')
    expect(signingDomain('g@anything.jo.plus.com')).toBe('jo.plus.com')

    await useUp('signaturesPerEmailDomain', 'subdomains.co.uk', rateRules.signaturesPerEmailDomain.points - 1)
    await expect(enforceSignatureLimits({ ip: '192.0.2.20', email: 'a@x1.subdomains.co.uk' })).resolves.toBeUndefined()
    const refused = await refusal(enforceSignatureLimits({ ip: '192.0.2.21', email: 'a@x2.subdomains.co.uk' }))
    expect(refused.init.status).toBe(429)
    expect(refused.data).toContain('subdomains.co.uk')
  })
})
