// A form posted to this site from another one (or with an Origin header that
// is not ours) is refused by React Router before any action runs, with a bare
// "Bad Request". That protects supporters (nobody can sign or write in their
// name from a hostile page), but a person who meets it needs to know what to
// do. server/request-handler.ts swaps the bare answer for this page.

import { errorDocument } from './error-document.server'

/** React Router's own refusal, as it reaches handleError (react-router lib/actions.ts). */
const CROSS_SITE_REFUSAL = /`origin` header (from a forwarded action request|is not a valid URL)|origin does not match `origin` header/i

export function isCrossSiteRefusal(error: unknown): boolean {
  return error instanceof Error && CROSS_SITE_REFUSAL.test(error.message)
}

/**
 * The page a refused cross-site form post gets: what happened, and what to do. Undefined for
 * React Router's own data requests (`.data`), whose client expects its own error format.
 */
export function crossSiteResponse(request: Request, stylesheet?: string): Response | undefined {
  if (new URL(request.url).pathname.endsWith('.data')) return undefined
  const headers = { 'Cache-Control': 'no-store' }
  const html = errorDocument({
    heading: 'We could not accept that form',
    paragraphs: [
      'It was sent to us from another website, not from a page of ours. To keep supporters safe, we only accept forms filled in on this site, so nothing has been recorded: no signature, no letter, no change.',
      <>To sign the petition, write to your MP or change your details, go to <a href="/">the Duty of Care campaign</a> and fill in the form there.</>,
    ],
    backLink: false,
    stylesheet,
  })
  return new Response(html, { status: 403, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } })
}
