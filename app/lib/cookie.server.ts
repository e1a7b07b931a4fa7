// The one way the app sets and reads a cookie (decision 075): React Router's createCookie with the site's
// attributes — whole site, HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS (always in
// production) — so a new cookie cannot forget one. Values travel as React Router encodes them (base64 JSON),
// signed with SESSION_SECRET when `signed`.
import { createCookie, type Cookie } from 'react-router'
import { env } from './env.server'

export function siteCookie(name: string, { maxAgeSeconds, signed }: { maxAgeSeconds: number; signed: boolean }): Cookie {
  return createCookie(name, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: env().secureCookies,
    maxAge: maxAgeSeconds,
    ...(signed ? { secrets: [env().SESSION_SECRET] } : {}),
  })
}
