// Abuse limits on signing (decision 040): per network per hour and per email
// domain per hour, counted in Postgres so every web process sees the same
// numbers. Over the limit, the signer gets a clear 429 page, never a silent drop.
import { data } from 'react-router'
import { emailDomain } from './mailbox-key'
import { consume } from './rate-limit.server'
import { registrableDomain } from './registrable-domain'

/**
 * Domains shared by millions of people: a surge of real supporters on gmail.com
 * is the campaign working, and faking signatures with them needs real mailboxes.
 * The per-domain limit is for domains one person controls (catch-all addresses).
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.co.uk', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aol.co.uk',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com', 'protonmail.com', 'proton.me',
  'gmx.com', 'gmx.co.uk', 'mail.com', 'zoho.com', 'fastmail.com', 'tutanota.com', 'blueyonder.co.uk', 'plus.com',
])

/**
 * Which domain limit an address counts against, or null for a public webmail
 * address. Only the provider's own domain is exempt: its subdomains are its
 * customers' catch-all domains (Plusnet gives each customer *@name.plus.com),
 * so each counts as one domain, like any domain one person registers. Every
 * other address counts by its registrable domain, so x1.evil.co.uk and
 * x2.evil.co.uk share evil.co.uk's limit (decision 057).
 */
export function signingDomain(email: string): string | null {
  const host = emailDomain(email).trim().replace(/\.$/, '')
  if (PUBLIC_MAIL_DOMAINS.has(host)) return null
  const registrable = registrableDomain(host)
  if (PUBLIC_MAIL_DOMAINS.has(registrable)) {
    const labels = host.split('.')
    return labels.slice(labels.length - registrable.split('.').length - 1).join('.')
  }
  return registrable
}

function minutes(seconds: number) {
  const m = Math.max(1, Math.ceil(seconds / 60))
  return m === 1 ? 'a minute' : `${m} minutes`
}

/** Throws a 429 page when this signature would go over a limit; counts it otherwise. */
export async function enforceSignatureLimits({ ip, email }: { ip: string; email: string }): Promise<void> {
  const network = await consume('signaturesPerIp', ip) // counted per network (an IPv6 /64)
  if (!network.allowed) {
    throw data(
      `A lot of people have signed from your internet connection in the last hour. This can happen at universities, offices and on mobile networks, where many people share one connection. Please try again in ${minutes(network.retryAfterSeconds)}, or from another connection (for example, switch from Wi-Fi to mobile data). Nothing has been recorded yet.`,
      { status: 429, headers: { 'Retry-After': String(network.retryAfterSeconds) } },
    )
  }
  const domain = signingDomain(email)
  if (domain === null) return
  const byDomain = await consume('signaturesPerEmailDomain', domain)
  if (!byDomain.allowed) {
    throw data(
      `We have received an unusual number of signatures from email addresses ending in ${domain} in the last hour. Please try again in ${minutes(byDomain.retryAfterSeconds)}, or sign with another email address. Nothing has been recorded yet.`,
      { status: 429, headers: { 'Retry-After': String(byDomain.retryAfterSeconds) } },
    )
  }
}
