// How numbers and times read on every page and in every email: UK English, UK time (Europe/London,
// so summer time is right), built once. Pages pick a formatter by name rather than building their own.
const LONDON = 'Europe/London'

const numbers = new Intl.NumberFormat('en-GB')
/** 12,345 */
export const formatNumber = (n: number) => numbers.format(n)

/** 1st, 2nd, 3rd, 11th, 12th, 1,001st */
export function ordinal(n: number) {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${formatNumber(n)}${suffix}`
}

export const ukTime = {
  /** 2 Dec 2026, 14:05 */
  dateTime: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, dateStyle: 'medium', timeStyle: 'short' }),
  /** 2 Dec 2026, 14:05:09 */
  dateTimeSeconds: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, dateStyle: 'medium', timeStyle: 'medium' }),
  /** Wed 14:05 */
  weekdayHour: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short', hour: '2-digit', minute: '2-digit' }),
  /** 14:05 */
  hour: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit' }),
  /** Wed, 2 Dec 2026 */
  day: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
  /** 2 Dec */
  dayShort: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short' }),
  /** 14:05:09 */
  time: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  /** 2026-12-02 (file names) */
  isoDate: new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' }),
  /** 2026-12-02 14:05 (datetime-local field values) */
  isoDateTime: new Intl.DateTimeFormat('sv-SE', { timeZone: LONDON, dateStyle: 'short', timeStyle: 'short' }),
}
