// Sign-in, sessions, roles and CSRF against a real database.
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.ADMIN_EMAIL = 'Chief@Campaign.test'
  process.env.ADMIN_PASSWORD = 'correct horse battery staple'
})

import { prisma } from '~/lib/db.server'
import { consume, rateRules } from '~/lib/rate-limit.server'
import { hashToken } from '~/lib/tokens.server'
import { requireCampaigner, safeRedirectTo, signIn } from './auth.server'
import { addCampaigner, ensureAdminFromEnv, passwordLinkAccount, setPasswordWithLink } from './campaigners.server'
import { isSameOrigin } from './csrf.server'
import { hashPassword, verifyPassword } from './password.server'
import { currentCampaigner, endSession, purgeDeadSessions, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from './session.server'

const APP = 'http://campaign.test'
const PASSWORD = 'a long enough passphrase'
let ipCounter = 0
const freshIp = () => `198.51.100.${++ipCounter}`

async function campaigner(email: string, role: 'admin' | 'viewer', password = PASSWORD) {
  return prisma.campaigner.create({ data: { email, role, passwordHash: await hashPassword(password) } })
}

/** The session token inside the cookie (React Router's encoding: base64 of the JSON string, URI-encoded). */
function tokenOf(setCookie: string) {
  return JSON.parse(atob(decodeURIComponent(setCookie.split(';')[0].split('=')[1]))) as string
}

function requestWith(setCookie: string | undefined, init: RequestInit & { path?: string } = {}) {
  const headers = new Headers(init.headers)
  if (setCookie) headers.set('cookie', setCookie.split(';')[0])
  return new Request(`${APP}${init.path ?? '/admin'}`, { ...init, headers })
}

async function thrown(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

async function signedIn(email: string) {
  const outcome = await signIn({ email, password: PASSWORD }, { ip: freshIp() })
  if (outcome.status !== 'signed-in') throw new Error(`could not sign in: ${outcome.status}`)
  return outcome.setCookie
}

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Campaigner", "CampaignerSession", "PasswordToken", "AuditEntry", "RateLimit" CASCADE`
})

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword(PASSWORD)
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(hash).not.toContain(PASSWORD)
    expect(await verifyPassword(hash, PASSWORD)).toBe(true)
    expect(await verifyPassword(hash, `${PASSWORD} `)).toBe(false)
    expect(await verifyPassword(null, PASSWORD)).toBe(false)
    expect(await verifyPassword('not a hash', PASSWORD)).toBe(false)
  })
})

describe('signing in', () => {
  it('starts a server-side session whose cookie is HttpOnly and SameSite=Lax, storing only the token hash', async () => {
    const kim = await campaigner('kim@campaign.test', 'admin')
    const outcome = await signIn({ email: ' KIM@campaign.test ', password: PASSWORD }, { ip: freshIp() })
    expect(outcome.status).toBe('signed-in')
    if (outcome.status !== 'signed-in') return
    expect(outcome.setCookie).toMatch(/^campaigner=[A-Za-z0-9%]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(tokenOf(outcome.setCookie)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const token = tokenOf(outcome.setCookie)
    const session = await prisma.campaignerSession.findFirstOrThrow()
    expect(session.id).toBe(hashToken(token))
    expect(session.id).not.toContain(token)
    expect(session.campaignerId).toBe(kim.id)
    expect(await currentCampaigner(requestWith(outcome.setCookie))).toEqual({ id: kim.id, email: 'kim@campaign.test', role: 'admin' })
    expect(await prisma.auditEntry.findFirst({ where: { action: 'campaigner.sign-in' } })).not.toBeNull()
  })

  it('gives the same answer for an unknown email, a wrong password and a disabled account', async () => {
    await campaigner('kim@campaign.test', 'admin')
    await prisma.campaigner.create({ data: { email: 'gone@campaign.test', role: 'admin', passwordHash: await hashPassword(PASSWORD), disabledAt: new Date() } })
    await prisma.campaigner.create({ data: { email: 'new@campaign.test', role: 'viewer' } })
    const outcomes = await Promise.all([
      signIn({ email: 'nobody@campaign.test', password: PASSWORD }, { ip: freshIp() }),
      signIn({ email: 'kim@campaign.test', password: 'wrong password here' }, { ip: freshIp() }),
      signIn({ email: 'gone@campaign.test', password: PASSWORD }, { ip: freshIp() }),
      signIn({ email: 'new@campaign.test', password: PASSWORD }, { ip: freshIp() }),
    ])
    expect(outcomes).toEqual([{ status: 'refused' }, { status: 'refused' }, { status: 'refused' }, { status: 'refused' }])
    expect(await prisma.campaignerSession.count()).toBe(0)
  })

  it('throttles guesses at an account where they come from, while its owner signs in from their own connection', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const { points } = rateRules.loginPerAccountPerNetwork
    // Network A is one IPv6 /64: every address in it counts as the same place.
    const inA = (i: number) => `2001:db8:a:1:${(i + 1).toString(16)}::${i + 7}`
    for (const email of ['kim@campaign.test', 'nobody@campaign.test']) {
      for (let i = 0; i < points; i++) {
        expect((await signIn({ email, password: 'wrong guess number ' + i }, { ip: inA(i) })).status).toBe('refused')
      }
      const blocked = await signIn({ email, password: PASSWORD }, { ip: inA(99) })
      expect(blocked.status).toBe('throttled')
      if (blocked.status === 'throttled') expect(blocked.retryAfterSeconds).toBeGreaterThan(0)
    }
    // Kim, at home on network B, is not locked out by the guesses from A…
    expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip: '203.0.113.50' })).status).toBe('signed-in')
    // …and A stays throttled, right password or not.
    expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip: inA(100) })).status).toBe('throttled')
    // Another account is not affected, even from A.
    await campaigner('lee@campaign.test', 'viewer')
    expect((await signIn({ email: 'lee@campaign.test', password: PASSWORD }, { ip: inA(101) })).status).toBe('signed-in')
  })

  it('keeps a ceiling on guessing one account from many networks, which only a known network passes', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const home = '198.51.100.200'
    expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip: home })).status).toBe('signed-in')
    // A botnet's failures from everywhere (counted directly: 100 argon2 verifications prove nothing more).
    for (const email of ['kim@campaign.test', 'nobody@campaign.test']) {
      for (let i = 0; i < rateRules.loginPerAccount.points; i++) await consume('loginPerAccount', email)
    }
    // Right password from a new network, wrong password, unknown account: all the same wait.
    const outcomes = await Promise.all([
      signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip: '203.0.113.61' }),
      signIn({ email: 'kim@campaign.test', password: 'wrong guess here' }, { ip: '203.0.113.62' }),
      signIn({ email: 'kim@campaign.test', password: 'wrong guess here' }, { ip: home }),
      signIn({ email: 'nobody@campaign.test', password: PASSWORD }, { ip: home }),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['throttled', 'throttled', 'throttled', 'throttled'])
    // Kim's own connection still gets her in.
    expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip: home })).status).toBe('signed-in')
  })

  it('throttles guesses per IP address across accounts', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const ip = '203.0.113.77'
    for (let i = 0; i < rateRules.loginPerIp.points; i++) {
      await signIn({ email: `guess${i}@campaign.test`, password: 'wrong guess here' }, { ip })
    }
    expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip })).status).toBe('throttled')
    expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip: freshIp() })).status).toBe('signed-in')
  })

  it('does not count successful sign-ins against an IP address (an office shares one)', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const ip = '203.0.113.88'
    for (let i = 0; i < rateRules.loginPerIp.points + 5; i++) {
      expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip })).status).toBe('signed-in')
    }
  })

  it('clears an account’s failures from a network after a successful sign-in from it', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const ip = '203.0.113.99'
    for (let i = 0; i < rateRules.loginPerAccountPerNetwork.points - 1; i++) {
      await signIn({ email: 'kim@campaign.test', password: 'wrong guess here' }, { ip })
    }
    expect((await signIn({ email: 'kim@campaign.test', password: PASSWORD }, { ip })).status).toBe('signed-in')
    for (let i = 0; i < rateRules.loginPerAccountPerNetwork.points - 1; i++) {
      expect((await signIn({ email: 'kim@campaign.test', password: 'wrong guess here' }, { ip })).status).toBe('refused')
    }
  })
})

describe('sessions', () => {
  it('end at sign-out', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const cookie = await signedIn('kim@campaign.test')
    const cleared = await endSession(requestWith(cookie, { method: 'POST' }))
    expect(cleared).toMatch(/^campaigner=; .*Max-Age=0/)
    expect(await currentCampaigner(requestWith(cookie))).toBeNull()
    expect(await prisma.campaignerSession.count()).toBe(0)
  })

  it('end after the idle timeout and after the maximum lifetime', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const idle = await signedIn('kim@campaign.test')
    const old = await signedIn('kim@campaign.test')
    await prisma.campaignerSession.update({
      where: { id: hashToken(tokenOf(idle)) },
      data: { lastSeenAt: new Date(Date.now() - (SESSION_IDLE_MINUTES + 1) * 60_000) },
    })
    await prisma.campaignerSession.update({ where: { id: hashToken(tokenOf(old)) }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await currentCampaigner(requestWith(idle))).toBeNull()
    expect(await currentCampaigner(requestWith(old))).toBeNull()
    const later = new Date(Date.now() + SESSION_MAX_HOURS * 3600_000 + 1000)
    const live = await signedIn('kim@campaign.test')
    expect(await currentCampaigner(requestWith(live), later)).toBeNull()
  })

  it('stay alive while used, and are purged when dead', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const cookie = await signedIn('kim@campaign.test')
    const id = hashToken(tokenOf(cookie))
    await prisma.campaignerSession.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - (SESSION_IDLE_MINUTES - 1) * 60_000) } })
    expect(await currentCampaigner(requestWith(cookie))).not.toBeNull()
    const touched = await prisma.campaignerSession.findUniqueOrThrow({ where: { id } })
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(10_000)
    await prisma.campaignerSession.create({ data: { id: 'dead', campaignerId: touched.campaignerId, expiresAt: new Date(0) } })
    expect(await purgeDeadSessions()).toBe(1)
  })

  it('ignore forged and malformed cookies', async () => {
    await campaigner('kim@campaign.test', 'admin')
    expect(await currentCampaigner(requestWith('campaigner=' + 'A'.repeat(43)))).toBeNull()
    expect(await currentCampaigner(requestWith(`campaigner=${encodeURIComponent(btoa(JSON.stringify('A'.repeat(43))))}`))).toBeNull()
    expect(await currentCampaigner(requestWith(`campaigner=${encodeURIComponent(btoa(JSON.stringify({ token: 'A'.repeat(43) })))}`))).toBeNull()
    expect(await currentCampaigner(requestWith('campaigner=../../etc'))).toBeNull()
  })
})

describe('requireCampaigner', () => {
  it('sends a signed-out visitor to the sign-in page, remembering where they were going', async () => {
    const response = await thrown(requireCampaigner(requestWith(undefined, { path: '/admin/exports?x=1' })))
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/admin/sign-in?redirectTo=%2Fadmin%2Fexports%3Fx%3D1')
  })

  it('lets a viewer see figures but not admin pages', async () => {
    await campaigner('vic@campaign.test', 'viewer')
    const cookie = await signedIn('vic@campaign.test')
    expect((await requireCampaigner(requestWith(cookie))).role).toBe('viewer')
    const refused = await thrown(requireCampaigner(requestWith(cookie), { role: 'admin' }))
    expect(refused.init?.status ?? refused.status).toBe(403)
  })

  it('lets an admin through admin pages', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const cookie = await signedIn('kim@campaign.test')
    expect((await requireCampaigner(requestWith(cookie), { role: 'admin' })).email).toBe('kim@campaign.test')
  })

  it('refuses a state-changing request from another site, even with a valid session (CSRF)', async () => {
    await campaigner('kim@campaign.test', 'admin')
    const cookie = await signedIn('kim@campaign.test')
    const post = (headers: Record<string, string>) => requestWith(cookie, { method: 'POST', headers, path: '/admin/moderation' })
    for (const headers of [{} as Record<string, string>, { origin: 'http://evil.test' }, { origin: 'null' }, { referer: 'http://evil.test/admin' }, { origin: 'http://campaign.test.evil.test' }]) {
      const refused = await thrown(requireCampaigner(post(headers)))
      expect(refused.init?.status ?? refused.status).toBe(403)
    }
    expect((await requireCampaigner(post({ origin: APP }))).email).toBe('kim@campaign.test')
    expect((await requireCampaigner(post({ referer: `${APP}/admin/moderation` }))).email).toBe('kim@campaign.test')
    expect(isSameOrigin(new Request(`${APP}/admin`))).toBe(true)
  })

  it('only redirects back into the dashboard after sign-in', () => {
    expect(safeRedirectTo('/admin/exports')).toBe('/admin/exports')
    expect(safeRedirectTo('/admin?tab=1')).toBe('/admin?tab=1')
    for (const bad of ['//evil.test', 'https://evil.test/admin', '/administrator', '/admin/../x\\', undefined, '/']) {
      expect(safeRedirectTo(bad)).toBe('/admin')
    }
  })
})

describe('campaigner accounts', () => {
  it('ensures the ADMIN_EMAIL admin exists, without overwriting a password chosen later', async () => {
    await ensureAdminFromEnv()
    const chief = await prisma.campaigner.findUniqueOrThrow({ where: { email: 'chief@campaign.test' } })
    expect(chief.role).toBe('admin')
    expect((await signIn({ email: 'chief@campaign.test', password: 'correct horse battery staple' }, { ip: freshIp() })).status).toBe('signed-in')
    await prisma.campaigner.update({ where: { id: chief.id }, data: { passwordHash: await hashPassword(PASSWORD) } })
    await ensureAdminFromEnv()
    expect(await prisma.campaigner.count()).toBe(1)
    expect((await signIn({ email: 'chief@campaign.test', password: PASSWORD }, { ip: freshIp() })).status).toBe('signed-in')
  })

  it('adds a campaigner with a one-time set-password link that works once', async () => {
    const { link, created } = await addCampaigner('New.Viewer@Campaign.test', 'viewer')
    expect(created).toBe(true)
    const token = link.match(/^http:\/\/campaign\.test\/admin\/set-password\/([A-Za-z0-9_-]{43})$/)?.[1]
    expect(token).toBeDefined()
    expect(await prisma.passwordToken.findFirst({ where: { tokenHash: token } })).toBeNull()
    expect(await passwordLinkAccount(token)).toEqual({ email: 'new.viewer@campaign.test' })
    expect((await signIn({ email: 'new.viewer@campaign.test', password: PASSWORD }, { ip: freshIp() })).status).toBe('refused')

    expect(await setPasswordWithLink(token, PASSWORD)).toBe('set')
    expect(await setPasswordWithLink(token, 'another long passphrase')).toBe('invalid-link')
    expect(await passwordLinkAccount(token)).toBeNull()
    const outcome = await signIn({ email: 'new.viewer@campaign.test', password: PASSWORD }, { ip: freshIp() })
    expect(outcome.status === 'signed-in' && outcome.campaigner.role).toBe('viewer')
  })

  it('re-issuing a link cancels the previous one, and expired links do not work', async () => {
    const first = await addCampaigner('kim@campaign.test', 'admin')
    const second = await addCampaigner('kim@campaign.test', 'admin')
    expect(second.created).toBe(false)
    expect(await passwordLinkAccount(first.link.split('/').pop())).toBeNull()
    await prisma.passwordToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await setPasswordWithLink(second.link.split('/').pop(), PASSWORD)).toBe('invalid-link')
  })
})
