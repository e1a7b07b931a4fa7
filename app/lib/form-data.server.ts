// The one way a form body is read. The work a request can cause is bounded here,
// before any schema, transform or regular expression sees a value: a form has at most
// `maxFields` fields and each value at most its cap in characters (DEFAULT_MAX_FIELD_CHARS
// unless the form names a longer one, like a letter's body). Over a cap is a 413 page
// saying which field and how long it may be. The caps sit far above what the forms'
// own rules allow, so a person who pastes too much still gets the field's own message
// ("Your name must be 255 characters or fewer"); only crafted posts meet the 413.
import { data } from 'react-router'

/**
 * Every field of every form here has a plain name. Conform reads dots and brackets in a
 * name as a path into nested objects, so a crafted name ("a.a.a.a…" thousands deep)
 * would exhaust the stack: fields with any other name are dropped before anyone parses them.
 */
const PLAIN_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/

/** Characters any one value may have unless its form says otherwise (names, emails, passwords, search terms…). */
export const DEFAULT_MAX_FIELD_CHARS = 2_000
/** Fields a form may have (the longest form here, a letter, has about a dozen). */
export const DEFAULT_MAX_FIELDS = 50

export interface FormLimits {
  /** Longer caps for the fields that are legitimately long, in characters. */
  maxChars?: Record<string, number>
  maxFields?: number
}

/** The submitted form, or a clear 4xx when the body is not a form, or is far too big in any one part. */
export async function readFormData(request: Request, limits: FormLimits = {}): Promise<FormData> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw data('Send the form as application/x-www-form-urlencoded or multipart/form-data.', { status: 415 })
  }
  let submitted: FormData
  try {
    submitted = await request.formData() // the body itself is already bounded (256 KB, server/http.ts)
  } catch {
    throw data('We could not read that form submission.', { status: 400 })
  }
  const maxFields = limits.maxFields ?? DEFAULT_MAX_FIELDS
  const form = new FormData()
  let fields = 0
  for (const [name, value] of submitted) {
    if (++fields > maxFields) {
      throw data(`That form has too many fields (we accept at most ${maxFields}). Go back to the page and send the form from there.`, { status: 413 })
    }
    if (!PLAIN_FIELD_NAME.test(name)) continue
    const max = Object.hasOwn(limits.maxChars ?? {}, name) ? limits.maxChars![name] : DEFAULT_MAX_FIELD_CHARS
    const length = typeof value === 'string' ? value.length : value.size
    if (length > max) {
      throw data(
        `The “${name}” part of that form is far too long: ${length.toLocaleString('en-GB')} characters, where we accept at most ${max.toLocaleString('en-GB')}. Go back, shorten it, and send it again.`,
        { status: 413 },
      )
    }
    form.append(name, value)
  }
  return form
}

/** A text field's value: '' when it is missing or is a file (never "[object File]"). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}
