// Who may see the dashboard. Every admin loader and action starts with
// requireCampaigner(request), which also refuses cross-site form posts.
import { data, redirect } from 'react-router'
import { prisma } from '~/lib/db.server'
import { networkKey } from '~/lib/network'
import { consume, refund, reset } from '~/lib/rate-limit.server'
import { audit } from './audit.server'
import { assertSameOrigin } from './csrf.server'
import { verifyPassword } from './password.server'
import { currentCampaigner, startSession, type SessionCampaigner } from './session.server'
import { col, sql } from '~/lib/sql.server'

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

/** A network the campaigner has signed in from lately counts as theirs (decision 052). */
const KNOWN_NETWORK_DAYS = 90

/**
 * Checks an email and password. The answer never says whether the account
 * exists: an unknown email, a wrong password and a disabled account all take
 * one argon2 verification and get the same 'refused'.
 *
 * Failures are throttled where they come from (decision 052): per network, and per account
 * from that network, so guessing from one place slows that place down while the owner
 * still signs in from their own connection. Past the account's overall ceiling (guessing
 * from many networks at once), only the right password from a network the campaigner has
 * signed in from before gets in; everyone else is told to wait, right password or not.
 */
export async function signIn(input: { email: string; password: string }, meta: { ip: string }): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase()
  const network = networkKey(meta.ip)
  const here = `${email} ${network}`
  const [byNetwork, byAccountHere] = await Promise.all([consume('loginPerIp', meta.ip), consume('loginPerAccountPerNetwork', here)])
  if (!byNetwork.allowed || !byAccountHere.allowed) {
    return { status: 'throttled', retryAfterSeconds: Math.max(byNetwork.retryAfterSeconds, byAccountHere.retryAfterSeconds) }
  }
  const overall = await consume('loginPerAccount', email)
  const account = await prisma.campaigner.findUnique({ where: { email } })
  const passwordOk = await verifyPassword(account?.passwordHash, input.password)
  const valid = account && passwordOk && !account.disabledAt ? account : null
  if (!overall.allowed && !(valid && (await signedInFrom(valid.id, network)))) {
    return { status: 'throttled', retryAfterSeconds: overall.retryAfterSeconds }
  }
  if (!valid) return { status: 'refused' }

  // Only failures count: this network's failures on the account are forgotten, the other attempts given back.
  await Promise.all([reset('loginPerAccountPerNetwork', here), refund('loginPerIp', meta.ip), refund('loginPerAccount', email)])
  const setCookie = await startSession(valid.id)
  await audit(valid.id, 'campaigner.sign-in', { ip: meta.ip, network })
  return { status: 'signed-in', campaigner: { id: valid.id, email: valid.email, role: valid.role }, setCookie }
}

async function signedInFrom(campaignerId: string, network: string): Promise<boolean> {
  const since = new Date(Date.now() - KNOWN_NETWORK_DAYS * 24 * 3600 * 1000)
  const [row] = await sql.rows({ known: col.boolean })`
    SELECT EXISTS (
      SELECT 1 FROM "AuditEntry"
      WHERE "campaignerId" = ${campaignerId}::uuid AND action = 'campaigner.sign-in' AND "createdAt" > ${since}
        AND details->>'network' = ${network}
    ) AS known`
  return row.known
}
