// Headers every answer carries, whether Express sends it (server/http.ts) or the
// fast path does before Express sees the request (server/fast-paths.ts).
import crypto from 'node:crypto'
import { isFramablePath } from '~/embed/framing'

/** An incoming X-Request-Id is kept only if it looks like an id (a proxy's), never arbitrary text in our logs. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/

/** This request's id: the proxy's, if it sent a plausible one, or a fresh one (the X-Request-Id response header). */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
}

export function newNonce() {
  return crypto.randomBytes(16).toString('base64')
}

/** The Content-Security-Policy and the other security headers for an answer on `pathname`. */
export function securityHeaders(pathname: string, nonce: string, production: boolean): [string, string][] {
  // Only the embeddable widget may sit in another site's <iframe>.
  const framable = isFramablePath(pathname)
  const headers: [string, string][] = [
    [
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        framable ? 'frame-ancestors *' : "frame-ancestors 'none'",
        ...(production ? ['upgrade-insecure-requests'] : []),
      ].join('; '),
    ],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ]
  if (!framable) headers.push(['X-Frame-Options', 'DENY'])
  headers.push(['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'])
  headers.push(['Cross-Origin-Opener-Policy', 'same-origin'])
  if (production) headers.push(['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'])
  return headers
}
