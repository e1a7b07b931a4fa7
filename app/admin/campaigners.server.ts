// Campaigner accounts: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, others
// added with `npm run campaigner:add`, each choosing a password through a
// one-time link (only its hash is stored; it works once, for a day).
import type { CampaignerRole } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { createToken, hashToken, isWellFormedToken } from '~/lib/tokens.server'
import { audit } from './audit.server'
import { MIN_PASSWORD_LENGTH } from './password-rules'
import { hashPassword } from './password.server'
import { endAllSessions } from './session.server'

export const PASSWORD_LINK_HOURS = 24

export function normaliseCampaignerEmail(email: string) {
  return email.trim().toLowerCase()
}

/** At start: the ADMIN_EMAIL account exists as an admin (created if missing; an existing password is kept). */
export async function ensureAdminFromEnv() {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env()
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return
  const email = normaliseCampaignerEmail(ADMIN_EMAIL)
  const existing = await prisma.campaigner.findUnique({ where: { email } })
  if (existing?.passwordHash) return
  const passwordHash = await hashPassword(ADMIN_PASSWORD)
  await prisma.campaigner.upsert({
    where: { email },
    create: { email, role: 'admin', passwordHash },
    update: { passwordHash },
  })
}

/** Adds a campaigner (or re-issues the link of an existing one) and returns a one-time set-password link. */
export async function addCampaigner(rawEmail: string, role: CampaignerRole): Promise<{ link: string; created: boolean }> {
  const email = normaliseCampaignerEmail(rawEmail)
  const { token, hash } = createToken()
  return prisma.$transaction(async (tx) => {
    const existing = await tx.campaigner.findUnique({ where: { email } })
    const campaigner = existing
      ? await tx.campaigner.update({ where: { email }, data: { role, disabledAt: null } })
      : await tx.campaigner.create({ data: { email, role } })
    // Only the newest link works.
    await tx.passwordToken.deleteMany({ where: { campaignerId: campaigner.id, usedAt: null } })
    await tx.passwordToken.create({
      data: { tokenHash: hash, campaignerId: campaigner.id, expiresAt: new Date(Date.now() + PASSWORD_LINK_HOURS * 3600_000) },
    })
    await tx.auditEntry.create({
      data: { campaignerId: null, action: existing ? 'campaigner.link-reissued' : 'campaigner.added', details: { email, role, by: 'command line' } },
    })
    return { link: `${env().APP_URL}/admin/set-password/${token}`, created: !existing }
  })
}

async function usableToken(token: unknown) {
  if (!isWellFormedToken(token)) return null
  const found = await prisma.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { campaigner: { select: { email: true, disabledAt: true } } },
  })
  if (!found || found.usedAt || found.expiresAt <= new Date() || found.campaigner.disabledAt) return null
  return found
}

/** The account a set-password link is for, or null when the link is unknown, used or expired. */
export async function passwordLinkAccount(token: unknown): Promise<{ email: string } | null> {
  const found = await usableToken(token)
  return found ? { email: found.campaigner.email } : null
}

/** Sets the password once; every other session of that account ends. */
export async function setPasswordWithLink(token: unknown, password: string): Promise<'set' | 'invalid-link'> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error('password too short')
  const found = await usableToken(token)
  if (!found) return 'invalid-link'
  const passwordHash = await hashPassword(password)
  const used = await prisma.$transaction(async (tx) => {
    const { count } = await tx.passwordToken.updateMany({
      where: { tokenHash: found.tokenHash, usedAt: null },
      data: { usedAt: new Date() },
    })
    if (!count) return false
    await tx.campaigner.update({ where: { id: found.campaignerId }, data: { passwordHash } })
    await audit(found.campaignerId, 'campaigner.password-set', {}, tx)
    return true
  })
  if (!used) return 'invalid-link'
  await endAllSessions(found.campaignerId)
  return 'set'
}
