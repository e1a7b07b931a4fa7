import { Resend } from 'resend'
import { env } from '~/lib/env.server'

let client: Resend | undefined

/** The Resend SDK; its base URL comes from RESEND_BASE_URL, read by the SDK itself. */
export function resendClient(): Resend {
  const key = env().RESEND_API_KEY
  if (!key) throw new Error('RESEND_API_KEY is not set: mail goes to the local outbox')
  client ??= new Resend(key)
  return client
}
