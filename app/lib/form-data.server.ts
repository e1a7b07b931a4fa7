import { data } from 'react-router'

/** The submitted form, or a clear 400 when the body is not a form at all. */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw data('Send the form as application/x-www-form-urlencoded or multipart/form-data.', { status: 415 })
  }
  try {
    return await request.formData()
  } catch {
    throw data('We could not read that form submission.', { status: 400 })
  }
}
