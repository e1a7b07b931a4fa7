// MPs' office phone numbers as the Members API gives them, made safe to store
// and to dial. The API's `phone` is free text typed by each office: usually
// "020 7219 3000", sometimes "(01234) 567890", "Tel: 01234 567890" or two
// numbers ("020 7219 4000 / 01234 567890"). We keep the first number, as
// digits, spaces and a leading +, or nothing at all.

/** Longer than this is not a phone number: refused before any pattern runs. */
const MAX_RAW_LENGTH = 100
/** MPs' offices are in the UK: 10 or 11 digits (12 with +44); E.164 allows at most 15. */
const MIN_DIGITS = 10
const MAX_DIGITS = 15

/** Where a second number starts: "020 7219 4000 / 01234 567890", "…; …", "… or …". */
const SECOND_NUMBER = /[/,;]| or /i

/**
 * The first phone number in `raw`, as digits and single spaces with an optional leading +
 * (e.g. "020 7219 3000", "+44 20 7219 3000"); null when there is none we could dial.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) return null
  const first = raw.split(SECOND_NUMBER, 1)[0]
  // "(0)" in "+44 (0)20 …" is dropped: dialled after +44 it would be a wrong number.
  const plain = first.replace(/\(0\)/g, ' ').replace(/[().\-\u2013\s]/g, ' ')
  const start = plain.search(/[+\d]/)
  if (start < 0) return null
  // After the first digit or +: digits and spaces only, up to the first other character ("ext", "(mobile)").
  const run = /^\+?[\d ]*/.exec(plain.slice(start))?.[0] ?? ''
  const phone = run.replace(/\s+/g, ' ').trim()
  const digits = phone.replace(/\D/g, '').length
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return null
  return phone
}

/** The `tel:` link for a normalised number: no spaces, the + kept. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}
