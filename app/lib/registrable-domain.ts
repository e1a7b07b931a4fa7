// The registrable domain of a host name — the part one owner buys, from the
// Public Suffix List (tldts keeps a copy): x1.evil.co.uk and x2.evil.co.uk
// are both evil.co.uk. Abuse limits and moderation count by it, because a
// catch-all owner can make up any number of subdomains for free.
import { getDomain } from 'tldts'

function normalise(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '')
}

/** evil.co.uk for x1.evil.co.uk; the host itself when it has none (an IP literal, localhost). */
export function registrableDomain(host: string): string {
  const name = normalise(host)
  return getDomain(name) ?? name
}

/** Whether a host name is something one owner registers or a subdomain of one (not a public suffix like co.uk). */
export function isUnderRegistrableDomain(host: string): boolean {
  return getDomain(normalise(host)) !== null
}
