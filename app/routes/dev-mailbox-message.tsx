import { readOutboxEmail } from '~/mail/dev-mailbox.server'
import type { Route } from './+types/dev-mailbox-message'

export async function loader({ params, context }: Route.LoaderArgs) {
  const email = await readOutboxEmail(params.id, context.socketAddress)
  // The stored HTML is ours (rendered by React Email, every value escaped); shown in a sandboxed frame all the same.
  return new Response(email.outboxHtml ?? `<pre>${email.outboxText ?? 'Not sent yet.'}</pre>`, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-popups allow-top-navigation-by-user-activation",
    },
  })
}
