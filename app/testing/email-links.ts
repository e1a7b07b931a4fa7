// Links in the emails the Resend stub received, for tests that follow them.
import type { DeliveredEmail } from './stubs/resend-stub'

/** The first link in an email that points at the app. */
export function firstAppLink(email: DeliveredEmail, appUrl: string): string {
  const links = [...(email.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))
  const link = links.find((href) => href.startsWith(appUrl))
  if (!link) throw new Error(`no link to ${appUrl} in "${email.subject}"`)
  return link
}
