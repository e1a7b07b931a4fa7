// Where a supporter came from: the campaign codes on the address they landed on
// (?utm_source=…&utm_medium=…&utm_campaign=…&partner=…&ref=…), carried through
// the sign and letter forms as hidden fields and stored with what they sign or
// send (decision 104). Only short codes are kept: anything else (a URL, an
// address, a long or odd value) is dropped without a word to the supporter, so
// nothing personal can ride in on a crafted link.
import { partnerCode } from '~/embed/partner'

/** Letters, digits, `_`, `.`, `-`; at most 40. */
export const CAMPAIGN_CODE = /^[A-Za-z0-9_.-]{1,40}$/

/** The hidden fields' names, as on the landing address. */
export const ATTRIBUTION_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'partner', 'ref'] as const
export type AttributionField = (typeof ATTRIBUTION_FIELDS)[number]

export type Attribution = Partial<Record<AttributionField, string>>

export function campaignCode(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 40 && CAMPAIGN_CODE.test(value) ? value : undefined
}

export function codeFor(field: AttributionField, value: unknown): string | undefined {
  if (field === 'partner') return (typeof value === 'string' && partnerCode(value)) || undefined
  // Referral codes are handed out in lower case; a link retyped in capitals still counts.
  if (field === 'ref') return campaignCode(value)?.toLowerCase()
  return campaignCode(value)
}

/** The valid codes among `read(name)` for each field (the query string, a form, a submission's values). */
export function attributionFrom(read: (field: AttributionField) => unknown): Attribution {
  const attribution: Attribution = {}
  for (const field of ATTRIBUTION_FIELDS) {
    const code = codeFor(field, read(field))
    if (code) attribution[field] = code
  }
  return attribution
}

export function attributionFromUrl(url: string | URL): Attribution {
  const params = new URL(url).searchParams
  return attributionFrom((field) => params.get(field))
}

export function attributionFromForm(formData: FormData): Attribution {
  return attributionFrom((field) => formData.get(field))
}

/** The columns they are stored in, on Signature and Letter. */
export function attributionColumns(attribution: Attribution) {
  return {
    utmSource: attribution.utm_source ?? null,
    utmMedium: attribution.utm_medium ?? null,
    utmCampaign: attribution.utm_campaign ?? null,
    partner: attribution.partner ?? null,
    referredBy: attribution.ref ?? null,
  }
}
