// The mailbox behind an address, so that one person cannot sign twice with
// Jo.Bloggs+1@gmail.com and jobloggs@googlemail.com.
const GMAIL = new Set(['gmail.com', 'googlemail.com'])

export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase()
  const at = address.lastIndexOf('@')
  if (at < 1) return address
  let local = address.slice(0, at)
  let domain = address.slice(at + 1)
  local = local.split('+')[0] || local
  if (GMAIL.has(domain)) {
    local = local.replaceAll('.', '')
    domain = 'gmail.com'
  }
  return `${local}@${domain}`
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}
