// A partner's code, carried on the widget's address (?partner=…) so that
// signatures made through it can later be credited to the partner.
export const PARTNER_CODE = /^[A-Za-z0-9_-]{1,40}$/

/** The code if it is one (letters, digits, hyphens, underscores; at most 40), else null. */
export function partnerCode(value: string | null | undefined): string | null {
  return value && value.length <= 40 && PARTNER_CODE.test(value) ? value : null
}

/** `path` with the partner code on it, when there is one. */
export function withPartner(path: string, partner: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  if (partner) params.set('partner', partner)
  const query = params.toString()
  return query ? `${path}?${query}` : path
}
