// Campaigner sessions, kept server-side: the cookie holds 256 random bits,
// the CampaignerSession row only their SHA-256. A session ends at sign-out,
// after SESSION_IDLE_MINUTES without a request, or SESSION_MAX_HOURS after sign-in.
import { prisma } from '~/lib/db.server'
import { siteCookie } from '~/lib/cookie.server'
import { env } from '~/lib/env.server'
import { createToken, hashToken, isWellFormedToken } from '~/lib/tokens.server'

export const SESSION_MAX_HOURS = 12
export const SESSION_IDLE_MINUTES = 30
/** lastSeenAt is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000

export function sessionCookieName() {
  // __Host- : only ever set by this exact origin over HTTPS, for the whole site.
  return env().secureCookies ? '__Host-campaigner' : 'campaigner'
}

/**
 * Unsigned: the value is 256 random bits whose hash must name a live CampaignerSession row, so a forged or
 * altered value finds nothing. It outlives the idle limit; the server decides when the session is over.
 */
function cookie() {
  return siteCookie(sessionCookieName(), { maxAgeSeconds: SESSION_MAX_HOURS * 3600, signed: false })
}

export async function readSessionToken(request: Request): Promise<string | undefined> {
  const value: unknown = await cookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && isWellFormedToken(value) ? value : undefined
}

export interface SessionCampaigner {
  id: string
  email: string
  role: 'admin' | 'viewer'
}

/** Starts a session; returns the Set-Cookie header value. */
export async function startSession(campaignerId: string): Promise<string> {
  const { token, hash } = createToken()
  const expiresAt = new Date(Date.now() + SESSION_MAX_HOURS * 3600_000)
  await prisma.campaignerSession.create({ data: { id: hash, campaignerId, expiresAt } })
  return cookie().serialize(token)
}

/** The signed-in campaigner, or null when there is no live session. */
export async function currentCampaigner(
  request: Request,
  now = new Date(),
  { touch = true }: { touch?: boolean } = {},
): Promise<SessionCampaigner | null> {
  const token = await readSessionToken(request)
  if (!token) return null
  const id = hashToken(token)
  const session = await prisma.campaignerSession.findUnique({
    where: { id },
    include: { campaigner: { select: { id: true, email: true, role: true, disabledAt: true } } },
  })
  if (!session) return null
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000)
  if (session.expiresAt <= now || session.lastSeenAt <= idleSince || session.campaigner.disabledAt) {
    await prisma.campaignerSession.deleteMany({ where: { id } })
    return null
  }
  // Background polling passes touch: false, so an open but unattended tab still times out.
  if (touch && now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.campaignerSession.updateMany({ where: { id }, data: { lastSeenAt: now } })
  }
  const { campaigner } = session
  return { id: campaigner.id, email: campaigner.email, role: campaigner.role }
}

/** Ends the session named by the request's cookie; returns the Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const token = await readSessionToken(request)
  if (token) await prisma.campaignerSession.deleteMany({ where: { id: hashToken(token) } })
  return cookie().serialize('', { maxAge: 0 })
}

/** Signs a campaigner out everywhere (password changed, account disabled). */
export async function endAllSessions(campaignerId: string) {
  await prisma.campaignerSession.deleteMany({ where: { campaignerId } })
}

/** Removes sessions that can no longer be used (run from a scheduled job or at sign-in). */
export async function purgeDeadSessions(now = new Date()) {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000)
  const { count } = await prisma.campaignerSession.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] },
  })
  return count
}
