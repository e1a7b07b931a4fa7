// Which network a client address belongs to, for every per-IP rule (rate limits,
// moderation, trending). An IPv6 subscriber is handed a whole /64 and can pick any
// address in it, so one /64 counts as one client; an IPv4-mapped IPv6 address
// (::ffff:203.0.113.7, how a dual-stack socket reports IPv4) is that IPv4 address.
import { isIP, isIPv4 } from 'node:net'

/** The /64 (IPv6) or the address itself (IPv4) as a stable key; anything else is returned trimmed and lower-cased. */
export function networkKey(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '') // drop an IPv6 zone id (fe80::1%eth0)
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)
  if (mapped && isIPv4(mapped[1])) return mapped[1]
  if (isIP(address) !== 6) return address
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string | undefined]
  const parse = (part: string) => (part ? part.split(':').flatMap(dottedToGroups) : [])
  const headGroups = parse(head)
  const tailGroups = tail === undefined ? [] : parse(tail)
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0')
  return [...headGroups, ...zeros, ...tailGroups].map((g) => g.replace(/^0+(?=.)/, ''))
}

/** An embedded IPv4 tail (64:ff9b::192.0.2.1) is the last two groups. */
function dottedToGroups(group: string): string[] {
  if (!group.includes('.')) return [group]
  const [a, b, c, d] = group.split('.').map(Number)
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)]
}

/**
 * The client's address behind `hops` proxies that each append the address they were
 * connected from to X-Forwarded-For. The right-most entry was written by the proxy nearest
 * us; everything to the left of the entry `hops` places from the right was written by
 * the client itself (or whoever it pretends to be) and is never believed. Without
 * proxies, or when the entry is not an IP address (a misconfigured proxy count), it is
 * the socket's address. (Decision 052.)
 */
export function clientAddress(input: { socket: string | undefined; forwardedFor: string | undefined; hops: number }): string {
  const socket = unmapped(input.socket ?? '') || 'unknown'
  if (input.hops < 1 || !input.forwardedFor) return socket
  const entries = input.forwardedFor.split(',') // a header is at most 16 KB (Node's limit): linear and bounded
  const candidate = unmapped(entries[Math.max(0, entries.length - input.hops)].trim())
  return isIP(candidate) ? candidate : socket
}

/** The one of several forwarded values (X-Forwarded-Host, -Proto) that the outermost trusted proxy wrote. */
export function forwardedValue(header: string | undefined, hops: number): string | undefined {
  if (hops < 1 || !header) return undefined
  const entries = header.split(',')
  return entries[Math.max(0, entries.length - hops)].trim() || undefined
}

/** 127.0.0.0/8 and ::1 (also as ::ffff:127.x.x.x): this machine. */
export function isLoopback(address: string | undefined): boolean {
  const plain = unmapped(address ?? '')
  return (isIPv4(plain) && plain.startsWith('127.')) || plain === '::1'
}

function unmapped(address: string) {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address.trim())
  return mapped ? mapped[1] : address.trim()
}
