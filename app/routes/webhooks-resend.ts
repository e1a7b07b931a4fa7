// Resend's delivery events. The body is read raw: the signature covers its exact bytes.
import { flagBouncedBriefing } from '~/briefings/bounces.server'
import { receiveResendWebhook } from '~/mail/webhooks.server'
import type { Route } from './+types/webhooks-resend'

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== 'POST') return new Response(null, { status: 405, headers: { Allow: 'POST' } })
  const outcome = await receiveResendWebhook(request, context.clientIp, flagBouncedBriefing)
  return Response.json(outcome.body, { status: outcome.status, headers: { 'Cache-Control': 'no-store', ...outcome.headers } })
}

export function loader() {
  return new Response('Resend webhooks are POSTed here.', { status: 405, headers: { Allow: 'POST', 'Content-Type': 'text/plain' } })
}
