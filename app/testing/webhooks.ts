// Signs test webhooks the way Resend does (Standard Webhooks, as Svix sends
// them): HMAC-SHA256 over "<id>.<timestamp>.<body>" with the base64 secret
// after "whsec_", sent as "v1,<base64>". Written from the spec, independently
// of the verifier the app uses, so a test can catch the app getting it wrong.
import crypto from 'node:crypto'

/** The end-to-end server's RESEND_WEBHOOK_SECRET (e2e/support/serve.ts). */
export const e2eWebhookSecret = `whsec_${Buffer.from('e2e webhook secret: not for production').toString('base64')}`

export interface SignedWebhook {
  body: string
  headers: Record<string, string>
}

export function signWebhook(
  secret: string,
  payload: unknown,
  { id = `msg_${crypto.randomUUID()}`, timestamp = Math.floor(Date.now() / 1000) }: { id?: string; timestamp?: number } = {},
): SignedWebhook {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload)
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const signature = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(timestamp),
      'svix-signature': `v1,${signature}`,
    },
  }
}

/** A Resend event payload for one email, shaped like theirs. */
export function resendEvent(type: string, emailId: string, to: string, extra: Record<string, unknown> = {}) {
  const now = new Date().toISOString()
  return {
    type,
    created_at: now,
    data: {
      created_at: now,
      email_id: emailId,
      from: 'Duty of Care campaign <campaign@dutyofcare.test>',
      to: [to],
      subject: 'A test email',
      ...extra,
    },
  }
}
