// Who may see the dashboard. Every admin loader and action starts with
// requireCampaigner(request), which also refuses cross-site form posts.
import { data, redirect } from 'react-router'
import { prisma } from '~/lib/db.server'
import { consume, refund, reset } from '~/lib/rate-limit.server'
import { audit } from './audit.server'
import { assertSameOrigin } from './csrf.server'
import { verifyPassword } from './password.server'
import { currentCampaigner, startSession, type SessionCampaigner } from './session.server'

export type Campaigner = SessionCampaigner
export type CampaignerRole = Campaigner['role']

export const SIGN_IN_PATH = '/admin/sign-in'

/** Where to go after signing in: only ever a page of the dashboard. */
export function safeRedirectTo(value: unknown): string {
  if (typeof value !== 'string') return '/admin'
  if (!/^\/admin(\/[A-Za-z0-9/_.-]*)?(\?[^\\]*)?$/.test(value) || value.startsWith('//')) return '/admin'
  return value
}

function signInUrl(request: Request) {
  const url = new URL(request.url)
  const back = `${url.pathname}${url.search}`
  return back === '/admin' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?redirectTo=${encodeURIComponent(safeRedirectTo(back))}`
}

/**
 * The signed-in campaigner. Signed out → redirect to the sign-in page;
 * `role: 'admin'` and a viewer → 403; a cross-site POST → 403.
 */
export async function requireCampaigner(
  request: Request,
  options: {
    role?: 'admin'
    /** For background polling: a 401 instead of a redirect, and the session's idle clock is not reset. */
    poll?: boolean
  } = {},
): Promise<Campaigner> {
  assertSameOrigin(request)
  const campaigner = await currentCampaigner(request, new Date(), { touch: !options.poll })
  if (!campaigner && options.poll) throw Response.json({ error: 'signed-out' }, { status: 401, headers: { 'Cache-Control': 'no-store' } })
  if (!campaigner) throw redirect(signInUrl(request), { headers: { 'Cache-Control': 'no-store' } })
  if (options.role === 'admin' && campaigner.role !== 'admin') {
    throw data('This page is for campaign admins only.', { status: 403 })
  }
  return campaigner
}

export type SignInOutcome =
  | { status: 'signed-in'; campaigner: Campaigner; setCookie: string }
  | { status: 'refused' }
  | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Checks an email and password. The answer never says whether the account
 * exists: an unknown email, a wrong password and a disabled account all take
 * one argon2 verification and get the same 'refused'.
 */
export async function signIn(input: { email: string; password: string }, meta: { ip: string }): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase()
  const [byIp, byAccount] = await Promise.all([consume('loginPerIp', meta.ip), consume('loginPerAccount', email)])
  if (!byIp.allowed || !byAccount.allowed) {
    return { status: 'throttled', retryAfterSeconds: Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds) }
  }
  const account = await prisma.campaigner.findUnique({ where: { email } })
  const passwordOk = await verifyPassword(account?.passwordHash, input.password)
  if (!account || !passwordOk || account.disabledAt) return { status: 'refused' }

  // Only failures count: the account's are forgotten, and this attempt is given back to the IP address.
  await Promise.all([reset('loginPerAccount', email), refund('loginPerIp', meta.ip)])
  const setCookie = await startSession(account.id)
  await audit(account.id, 'campaigner.sign-in', { ip: meta.ip })
  return { status: 'signed-in', campaigner: { id: account.id, email: account.email, role: account.role }, setCookie }
}
