import { describe, expect, it } from 'vitest'
import { clientAddress, forwardedValue, isLoopback, networkKey } from './network'

describe('networkKey', () => {
  it('is the IPv4 address, or the IPv6 /64 however the address is written', () => {
    expect(networkKey('203.0.113.7')).toBe('203.0.113.7')
    expect(networkKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(networkKey('2001:db8:85a3:0:1:2:3:4')).toBe('2001:db8:85a3:0::/64')
    expect(networkKey('2001:DB8:85A3::9')).toBe('2001:db8:85a3:0::/64')
    expect(networkKey('2001:0db8:85a3:0000:ffff::')).toBe('2001:db8:85a3:0::/64')
    expect(networkKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64')
    expect(networkKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })
})

describe('clientAddress', () => {
  const socket = '10.0.0.5' // the load balancer

  it('believes no header without proxies', () => {
    expect(clientAddress({ socket, forwardedFor: '198.51.100.1', hops: 0 })).toBe(socket)
    expect(clientAddress({ socket: '::ffff:127.0.0.1', forwardedFor: undefined, hops: 0 })).toBe('127.0.0.1')
  })

  it('behind one proxy, takes the right-most entry: the one the proxy appended', () => {
    expect(clientAddress({ socket, forwardedFor: '198.51.100.1', hops: 1 })).toBe('198.51.100.1')
    // Whatever the client wrote itself sits to the left and is ignored.
    expect(clientAddress({ socket, forwardedFor: '1.2.3.4, 5.6.7.8, 198.51.100.1', hops: 1 })).toBe('198.51.100.1')
    expect(clientAddress({ socket, forwardedFor: '2001:db8::1', hops: 1 })).toBe('2001:db8::1')
  })

  it('behind a CDN and a load balancer, takes the entry two from the right', () => {
    // client-written, then what the CDN saw (the client), then what the load balancer saw (the CDN)
    expect(clientAddress({ socket, forwardedFor: '6.6.6.6, 198.51.100.1, 192.0.2.80', hops: 2 })).toBe('198.51.100.1')
    // Fewer entries than proxies (someone reached the load balancer directly): the left-most there is.
    expect(clientAddress({ socket, forwardedFor: '198.51.100.1', hops: 2 })).toBe('198.51.100.1')
  })

  it('falls back to the socket address when the entry is not an IP address', () => {
    for (const garbage of ['unknown', '<script>', '', '1.2.3.4, not-an-ip', '999.1.1.1', `${'a'.repeat(10_000)}`]) {
      expect(clientAddress({ socket, forwardedFor: garbage, hops: 1 }), garbage.slice(0, 20)).toBe(socket)
    }
  })
})

describe('forwardedValue', () => {
  it('is the value the outermost trusted proxy wrote, and nothing without proxies', () => {
    expect(forwardedValue('https', 0)).toBeUndefined()
    expect(forwardedValue('https', 1)).toBe('https')
    expect(forwardedValue('evil.example, campaign.example', 1)).toBe('campaign.example')
    expect(forwardedValue('evil.example, campaign.example, lb.internal', 2)).toBe('campaign.example')
  })
})

describe('isLoopback', () => {
  it('is this machine only', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true)
    for (const a of ['192.0.2.2', '::ffff:192.0.2.2', '0.0.0.0', '::', 'localhost', '', undefined, '128.0.0.1']) expect(isLoopback(a), String(a)).toBe(false)
  })
})
