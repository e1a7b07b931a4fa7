// Links in the emails the Resend stub received, for tests that follow them.
import type { DeliveredEmail } from './stubs/resend-stub'

/** The first link in an email that points at the app. */
export function firstAppLink(email: DeliveredEmail, appUrl: string): string {
  const links = [...(email.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))
  const link = links.find((href) => href.startsWith(appUrl))
  if (!link) throw new Error(`no link to ${appUrl} in "${email.subject}"`)
  return link
}

/** The token in a campaign update's unsubscribe link (APP_URL http://campaign.test in tests). */
export function unsubscribeTokenIn(text: string | undefined): string {
  const match = text?.match(/http:\/\/campaign\.test\/(?:cy\/)?unsubscribe\/([A-Za-z0-9_-]{43})/)
  if (!match) throw new Error('no unsubscribe link')
  return match[1]
}
