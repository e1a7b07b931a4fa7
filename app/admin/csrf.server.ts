// Cross-site request forgery: the session cookie is SameSite=Lax, and every
// state-changing admin request must also come from a page of APP_URL itself
// (its Origin header, or failing that its Referer). A request with neither is refused.
import { data } from 'react-router'
import { env } from '~/lib/env.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isSameOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true
  const expected = new URL(env().APP_URL).origin
  const origin = request.headers.get('origin')
  if (origin && origin !== 'null') return origin === expected
  const referer = request.headers.get('referer')
  if (!referer) return false
  try {
    return new URL(referer).origin === expected
  } catch {
    return false
  }
}

/** Throws a 403 unless the request is safe or comes from the app's own pages. */
export function assertSameOrigin(request: Request) {
  if (!isSameOrigin(request)) {
    throw data('This form must be sent from the campaign dashboard itself. Reload the page and try again.', { status: 403 })
  }
}

/**
 * For downloads started by a link (GET): refuse one started by another site
 * (Sec-Fetch-Site: cross-site), so no page elsewhere can make a signed-in
 * admin's browser pull an export.
 */
export function assertNotCrossSite(request: Request) {
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    throw data('Open exports from the campaign dashboard.', { status: 403 })
  }
}
