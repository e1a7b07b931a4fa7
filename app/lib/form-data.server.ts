import { data } from 'react-router'

/**
 * Every field of every form here has a plain name. Conform reads dots and brackets in a
 * name as a path into nested objects, so a crafted name ("a.a.a.a…" thousands deep)
 * would exhaust the stack: fields with any other name are dropped before anyone parses them.
 */
const PLAIN_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/

/** The submitted form, or a clear 400 when the body is not a form at all. */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw data('Send the form as application/x-www-form-urlencoded or multipart/form-data.', { status: 415 })
  }
  let submitted: FormData
  try {
    submitted = await request.formData()
  } catch {
    throw data('We could not read that form submission.', { status: 400 })
  }
  const form = new FormData()
  for (const [name, value] of submitted) if (PLAIN_FIELD_NAME.test(name)) form.append(name, value)
  return form
}
