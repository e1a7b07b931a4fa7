// Supporters' rights of access and erasure, without accounts: they enter
// their email address, we email a link (valid for a day) to that address,
// and the link opens a page to download everything we hold (JSON) or erase
// it. The page never says whether an address is known: a link is only sent
// when we hold something, and the answer on screen is the same either way.
import { z } from 'zod'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { mailboxKey } from '~/lib/mailbox-key'
import { consume } from '~/lib/rate-limit.server'
import { email } from '~/lib/supporter-fields'
import { createToken, hashToken, isWellFormedToken } from '~/lib/tokens.server'
import { queueEmail } from '~/mail/outbox.server'
import { anonymiseEmails, anonymiseLetters, anonymiseSignatures, ANONYMISED } from './anonymise.server'

export const DATA_LINK_HOURS = 24

export type DataRequestOutcome = { status: 'sent' } | { status: 'throttled'; retryAfterSeconds: number }

export async function requestDataLink(address: string, meta: { ipAddress: string }): Promise<DataRequestOutcome> {
  const emailKey = mailboxKey(address)
  for (const [rule, key] of [['dataRequestsPerIp', meta.ipAddress], ['dataRequestsPerEmail', emailKey]] as const) {
    const decision = await consume(rule, key)
    if (!decision.allowed) return { status: 'throttled', retryAfterSeconds: decision.retryAfterSeconds }
  }
  const [held] = await prisma.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Signature" WHERE "emailKey" = ${emailKey})
        OR EXISTS (SELECT 1 FROM "Letter" WHERE "emailKey" = ${emailKey}) AS held`
  if (!held.held) return { status: 'sent' }
  const { token, hash } = createToken()
  await prisma.$transaction(async (tx) => {
    await queueEmail(tx, {
      kind: 'data_request',
      to: address,
      subject: 'Your data held by the Duty of Care campaign',
      template: 'data-request',
      data: { validHours: DATA_LINK_HOURS },
      secrets: { dataUrl: `${env().APP_URL}/my-data/${token}` },
      linkTokenHash: hash,
    })
  })
  return { status: 'sent' }
}

/** The mailbox a data link was sent to, if the link is genuine and less than a day old. */
async function subjectOf(token: unknown, now: Date) {
  if (!isWellFormedToken(token)) return null
  const email = await prisma.email.findUnique({ where: { linkTokenHash: hashToken(token) }, select: { id: true, kind: true, to: true, createdAt: true } })
  if (!email || email.kind !== 'data_request' || email.to === ANONYMISED) return null
  if (now.getTime() - email.createdAt.getTime() > DATA_LINK_HOURS * 3600 * 1000) return null
  return { address: email.to, emailKey: mailboxKey(email.to), requestEmailId: email.id }
}

async function recordsOf(emailKey: string) {
  const signature = await prisma.signature.findUnique({ where: { emailKey }, include: { constituency: { select: { name: true } } } })
  const letters = await prisma.letter.findMany({
    where: { emailKey },
    include: { mp: { select: { name: true } }, constituency: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  })
  const emails = await prisma.email.findMany({
    where: {
      OR: [
        ...(signature ? [{ signatureId: signature.id }] : []),
        ...(letters.length ? [{ letterId: { in: letters.map((l) => l.id) } }] : []),
      ],
    },
    select: { kind: true, to: true, subject: true, status: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: 'asc' },
  })
  const suppression = await prisma.suppression.findUnique({ where: { emailKey } })
  return { signature, letters, emails: signature || letters.length ? emails : [], suppression }
}

export type MyDataSummary =
  | { status: 'invalid' }
  | {
      status: 'ok'
      address: string
      signature: { signedAt: string; confirmed: boolean; updates: boolean } | null
      letters: { mp: string; state: string; createdAt: string }[]
      emails: number
    }

/** What the page shows: enough to know what "download" and "erase" cover. */
export async function myDataSummary(token: unknown, now = new Date()): Promise<MyDataSummary> {
  const subject = await subjectOf(token, now)
  if (!subject) return { status: 'invalid' }
  const { signature, letters, emails } = await recordsOf(subject.emailKey)
  return {
    status: 'ok',
    address: subject.address,
    signature: signature
      ? { signedAt: signature.createdAt.toISOString(), confirmed: signature.state === 'validated', updates: signature.optIn && !signature.unsubscribedAt }
      : null,
    letters: letters.map((l) => ({ mp: l.mp.name, state: l.state, createdAt: l.createdAt.toISOString() })),
    emails: emails.length,
  }
}

/** Everything held about the person, as a JSON-ready object; null for a bad or expired link. */
export async function exportMyData(token: unknown, now = new Date()) {
  const subject = await subjectOf(token, now)
  if (!subject) return null
  const { signature, letters, emails, suppression } = await recordsOf(subject.emailKey)
  return {
    about: `Everything the Duty of Care campaign holds about ${subject.address}`,
    exportedAt: now.toISOString(),
    signature: signature && {
      name: signature.name,
      email: signature.email,
      postcode: signature.postcode,
      constituency: signature.constituency?.name ?? null,
      nation: signature.nation,
      state: signature.state,
      wantsUpdates: signature.optIn,
      privacyNoticeVersion: signature.privacyVersion,
      signedAt: signature.createdAt,
      confirmedAt: signature.validatedAt,
      unsubscribedAt: signature.unsubscribedAt,
      ipAddress: signature.ipAddress,
    },
    letters: letters.map((l) => ({
      to: l.mp.name,
      constituency: l.constituency.name,
      state: l.state,
      name: l.name,
      email: l.email,
      addressLine1: l.addressLine1,
      town: l.town,
      postcode: l.postcode,
      phone: l.phone,
      subject: l.subject,
      body: l.body,
      bodyErasedAt: l.bodyErasedAt,
      writtenAt: l.createdAt,
      confirmedAt: l.confirmedAt,
      sentAt: l.sentAt,
      deliveredAt: l.deliveredAt,
      mpReplied: l.replyStatus,
      ipAddress: l.ipAddress,
    })),
    emailsWeSentYou: emails.map((e) => ({ kind: e.kind, to: e.to, subject: e.subject, status: e.status, queuedAt: e.createdAt, sentAt: e.sentAt })),
    emailsBlocked: suppression ? { reason: suppression.reason, since: suppression.createdAt } : null,
  }
}

export type EraseOutcome = { status: 'erased' } | { status: 'invalid' }

/**
 * Erasure that keeps the counts: a confirmed (or struck-out) signature and
 * a sent letter are anonymised, not deleted, so every total stays right;
 * anything never confirmed is deleted. The link stops working.
 */
export async function eraseMyData(token: unknown, now = new Date()): Promise<EraseOutcome> {
  const subject = await subjectOf(token, now)
  if (!subject) return { status: 'invalid' }
  await prisma.$transaction(async (tx) => {
    const signature = await tx.signature.findUnique({ where: { emailKey: subject.emailKey }, select: { id: true, state: true } })
    const letters = await tx.letter.findMany({ where: { emailKey: subject.emailKey }, select: { id: true, state: true } })
    if (signature) {
      await anonymiseEmails(tx, { signatureIds: [signature.id] })
      if (signature.state === 'pending') await tx.signature.delete({ where: { id: signature.id } })
      else await anonymiseSignatures(tx, [signature.id], now)
    }
    const pending = letters.filter((l) => l.state === 'pending').map((l) => l.id)
    await anonymiseEmails(tx, { letterIds: pending })
    await tx.letter.deleteMany({ where: { id: { in: pending } } })
    await anonymiseLetters(tx, letters.filter((l) => l.state !== 'pending').map((l) => l.id), now)
    // Their data requests too, this one included: the link dies with them.
    await tx.$executeRaw`
      UPDATE "Email" SET "to" = ${ANONYMISED}, data = '{}'::jsonb, secrets = NULL, "outboxHtml" = NULL, "outboxText" = NULL, "linkTokenHash" = NULL
      WHERE kind = 'data_request' AND (id = ${subject.requestEmailId}::uuid OR lower("to") = lower(${subject.address}))`
  })
  return { status: 'erased' }
}

// The two forms' rules (server only; the pages render the errors).
export const dataRequestSchema = z.object({ email })
export const eraseSchema = z.object({
  confirm: z
    .string({ required_error: 'Tick the box to confirm you want everything erased' })
    .refine((v) => v === 'on', 'Tick the box to confirm you want everything erased'),
})
