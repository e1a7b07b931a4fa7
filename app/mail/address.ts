// RFC 5322 display names: quoted, with quotes and backslashes escaped and
// line breaks removed, so a supporter's name cannot inject headers.
export function parseMailbox(value: string): { name?: string; address: string } {
  const match = value.match(/^\s*(?:"?([^"<]*?)"?\s*)?<([^>]+)>\s*$/)
  if (match) return { name: match[1]?.trim() || undefined, address: match[2].trim() }
  return { address: value.trim() }
}

export function formatMailbox(name: string | undefined, address: string): string {
  if (!name) return address
  const safe = name.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1').slice(0, 120)
  return `"${safe}" <${address}>`
}
