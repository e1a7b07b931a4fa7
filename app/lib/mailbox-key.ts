// The mailbox behind an address: the key for "one signature per mailbox", "one
// letter per mailbox per MP" and suppression after a bounce or complaint.
//
// Two spellings are merged only where the provider itself delivers both to one
// mailbox, so nobody can aim at a mailbox with an address that merely looks like
// it: on most domains jo+x@parliament.uk is a different (possibly nonexistent)
// mailbox from jo@parliament.uk, and a bounce of one says nothing about the other
// (decision 054). Elsewhere the key is the exact address, lower-cased.
//
// The lists below are the only provider knowledge in the app; the migration
// 20261201090000_mailbox_keys_by_provider re-keyed stored rows with the same
// rules, so a change here needs a migration that re-keys again.

/** Gmail ignores dots and everything after a +, and googlemail.com is gmail.com. */
const GMAIL = new Set(['gmail.com', 'googlemail.com'])

/**
 * Providers whose documented plus addressing (RFC 5233 sub-addressing) delivers
 * local+anything@ to local@ for every account: Microsoft's consumer mail
 * (since 2013), Apple iCloud, Fastmail and Proton. Dots are significant there.
 */
export const PLUS_ADDRESSING_DOMAINS: ReadonlySet<string> = new Set([
  'outlook.com', 'outlook.co.uk', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.co.uk', 'msn.com',
  'icloud.com', 'me.com', 'mac.com',
  'fastmail.com', 'fastmail.fm',
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me',
])

export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase()
  const at = address.lastIndexOf('@')
  if (at < 1) return address
  let local = address.slice(0, at)
  let domain = address.slice(at + 1)
  if (GMAIL.has(domain)) {
    local = withoutTag(local).replaceAll('.', '')
    domain = 'gmail.com'
  } else if (PLUS_ADDRESSING_DOMAINS.has(domain)) {
    local = withoutTag(local)
  }
  return `${local}@${domain}`
}

/** "jo+news" → "jo"; a local part that starts with + has no tag to drop. */
function withoutTag(local: string): string {
  const plus = local.indexOf('+')
  return plus > 0 ? local.slice(0, plus) : local
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}
