// Supporters' rights of access and erasure, without accounts: they enter
// their email address, we email a link (valid for a day) to that address,
// and the link opens a page to download everything we hold (JSON) or erase
// it. The page never says whether an address is known: a link is only sent
// when we hold something, and the answer on screen is the same either way.
// What the link covers is everything under any spelling of the address that
// reaches the same inbox (person.server.ts); erasure leaves none of it in any
// table (decision 058).
import { z } from 'zod'
import { Prisma } from '~/generated/prisma/client'
import { addressRateKey } from '~/lib/address-rate-key.server'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { mailboxKey } from '~/lib/mailbox-key'
import { consume, reset } from '~/lib/rate-limit.server'
import { email } from '~/lib/supporter-fields'
import { createToken, hashToken, isWellFormedToken } from '~/lib/tokens.server'
import { queueEmail } from '~/emails/outbox.server'
import { localePath, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { wantsUpdatesSql } from '~/petition/consent.server'
import { anonymiseEmails, anonymiseLetters, anonymisePaperSignatures, anonymiseSignatures, ANONYMISED, redactWebhookEvents } from './anonymise.server'
import { personKey, personKeySql } from './person.server'
import { col, sql } from '~/lib/sql.server'

export const DATA_LINK_HOURS = 24

export type DataRequestOutcome = { status: 'sent' } | { status: 'throttled'; retryAfterSeconds: number }

/** `language`: the page they asked on (decision 110): the email and the page behind its link are in it. English if not given. */
export async function requestDataLink(address: string, meta: { ipAddress: string; language?: Language }): Promise<DataRequestOutcome> {
  const language = meta.language ?? 'en'
  for (const [rule, key] of [['dataRequestsPerIp', meta.ipAddress], ['dataRequestsPerEmail', addressRateKey(address)]] as const) {
    const decision = await consume(rule, key)
    if (!decision.allowed) return { status: 'throttled', retryAfterSeconds: decision.retryAfterSeconds }
  }
  // Indexed lookups only (this form is public): the address as typed and without its +tag. The
  // page behind the link then finds every other spelling.
  const keys = [...new Set([mailboxKey(address), mailboxKey(address.replace(/\+[^@]*@/, '@'))])]
  const [held] = await sql.rows({ held: col.boolean })`
    SELECT EXISTS (SELECT 1 FROM "Signature" WHERE "emailKey" = ANY(${keys}))
        OR EXISTS (SELECT 1 FROM "Letter" WHERE "emailKey" = ANY(${keys}))
        OR EXISTS (SELECT 1 FROM "PaperSignature" WHERE "emailKey" = ANY(${keys})) AS held`
  if (!held.held) return { status: 'sent' }
  const { token, hash } = createToken()
  await prisma.$transaction(async (tx) => {
    await queueEmail(tx, {
      kind: 'data_request',
      to: address,
      subject: messagesFor(language).dataRequestEmail.subject,
      template: 'data-request',
      data: { validHours: DATA_LINK_HOURS, language },
      secrets: { dataUrl: `${env().APP_URL}${localePath(language, `/my-data/${token}`)}` },
      linkTokenHash: hash,
    })
  })
  return { status: 'sent' }
}

/** The address a data link was sent to, if the link is genuine and less than a day old. */
async function subjectOf(token: unknown, now: Date) {
  if (!isWellFormedToken(token)) return null
  const email = await prisma.email.findUnique({ where: { linkTokenHash: hashToken(token) }, select: { id: true, kind: true, to: true, createdAt: true } })
  if (!email || email.kind !== 'data_request' || email.to === ANONYMISED) return null
  if (now.getTime() - email.createdAt.getTime() > DATA_LINK_HOURS * 3600 * 1000) return null
  return { address: email.to, personKey: personKey(email.to), requestEmailId: email.id }
}

type Db = Prisma.TransactionClient | typeof prisma

/** Ids of the person's signatures, letters and paper signatures (not yet anonymised), under any spelling of their address. */
async function idsOf(db: Db, key: string) {
  const [signatures, letters, paper] = await Promise.all([
    sql.rows({ id: col.string, state: col.string, email: col.string }, db)`
      SELECT id::text, state::text, email FROM "Signature" WHERE ${personKeySql(Prisma.sql`email`)} = ${key} AND "anonymisedAt" IS NULL
      ORDER BY "createdAt"`,
    sql.rows({ id: col.string, state: col.string, email: col.string }, db)`
      SELECT id::text, state::text, email FROM "Letter" WHERE ${personKeySql(Prisma.sql`email`)} = ${key} AND "anonymisedAt" IS NULL
      ORDER BY "createdAt"`,
    // Signed on paper or at an event and gave an email address (decision 117); `state` is the import's.
    sql.rows({ id: col.string, state: col.string, email: col.string }, db)`
      SELECT p.id::text, i.state::text, p.email FROM "PaperSignature" p JOIN "PaperImport" i ON i.id = p."importId"
      WHERE p.email IS NOT NULL AND ${personKeySql(Prisma.sql`p.email`)} = ${key} AND p."anonymisedAt" IS NULL
      ORDER BY p."signedOn", p.id`,
  ])
  return { signatures, letters, paper }
}

/** Emails about those records, or sent to (or replying to) any spelling of the address. */
async function emailsOf(db: Db, key: string, ids: { signatureIds: string[]; letterIds: string[] }) {
  return sql.rows({ id: col.string, providerId: col.string.nullable(), to: col.string, replyTo: col.string.nullable() }, db)`
    SELECT id::text, "providerId", "to", "replyTo" FROM "Email"
    WHERE "signatureId" = ANY(${ids.signatureIds}::uuid[]) OR "letterId" = ANY(${ids.letterIds}::uuid[])
       OR ${personKeySql(Prisma.sql`"to"`)} = ${key} OR ${personKeySql(Prisma.sql`"replyTo"`)} = ${key}`
}

async function recordsOf(key: string) {
  const ids = await idsOf(prisma, key)
  const signatureIds = ids.signatures.map((s) => s.id)
  const letterIds = ids.letters.map((l) => l.id)
  const paperIds = ids.paper.map((p) => p.id)
  const [signatures, consent, letters, emails, suppressions, paper] = await Promise.all([
    prisma.signature.findMany({ where: { id: { in: signatureIds } }, include: { constituency: { select: { name: true } } }, orderBy: { createdAt: 'asc' } }),
    sql.rows({ id: col.string, wantsUpdates: col.boolean })`
      SELECT id::text, ${wantsUpdatesSql('s')} AS "wantsUpdates" FROM "Signature" s WHERE id = ANY(${signatureIds}::uuid[])`,
    prisma.letter.findMany({
      where: { id: { in: letterIds } },
      include: { mp: { select: { name: true } }, constituency: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    signatureIds.length || letterIds.length
      ? prisma.email.findMany({
          where: { OR: [{ signatureId: { in: signatureIds } }, { letterId: { in: letterIds } }] },
          select: { kind: true, to: true, subject: true, status: true, createdAt: true, sentAt: true },
          orderBy: { createdAt: 'asc' },
        })
      : [],
    sql.rows({ reason: col.string, createdAt: col.at })`
      SELECT reason, "createdAt" FROM "Suppression" WHERE ${personKeySql(Prisma.sql`"emailKey"`)} = ${key} ORDER BY "createdAt"`,
    prisma.paperSignature.findMany({ where: { id: { in: paperIds } }, include: { constituency: { select: { name: true } }, import: { select: { state: true } } }, orderBy: { signedOn: 'asc' } }),
  ])
  const wantsUpdates = new Map(consent.map((c) => [c.id, c.wantsUpdates]))
  return { signatures: signatures.map((s) => ({ ...s, wantsUpdates: wantsUpdates.get(s.id) ?? false })), letters, emails, suppressions, paper }
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
  const { signatures, letters, emails } = await recordsOf(subject.personKey)
  const [signature] = signatures
  return {
    status: 'ok',
    address: subject.address,
    signature: signature
      ? { signedAt: signature.createdAt.toISOString(), confirmed: signature.state === 'validated', updates: signature.wantsUpdates }
      : null,
    letters: letters.map((l) => ({ mp: l.mp.name, state: l.state, createdAt: l.createdAt.toISOString() })),
    emails: emails.length,
  }
}

/** Everything held about the person, as a JSON-ready object; null for a bad or expired link. */
export async function exportMyData(token: unknown, now = new Date()) {
  const subject = await subjectOf(token, now)
  if (!subject) return null
  const { signatures, letters, emails, suppressions, paper } = await recordsOf(subject.personKey)
  const copies = signatures.map((signature) => ({
    name: signature.name,
    email: signature.email,
    postcode: signature.postcode,
    constituency: signature.constituency?.name ?? null,
    nation: signature.nation,
    state: signature.state,
    /** Whether we email you campaign updates now: you ticked the box, have not unsubscribed, and mail to you is not blocked. */
    wantsUpdates: signature.wantsUpdates,
    tickedUpdatesWhenSigning: signature.optIn,
    privacyNoticeVersion: signature.privacyVersion,
    signedAt: signature.createdAt,
    confirmedAt: signature.validatedAt,
    unsubscribedAt: signature.unsubscribedAt,
    ipAddress: signature.ipAddress,
    /** The campaign codes on the link you signed through, and your own share link's code (decision 104). */
    cameFrom: { utmSource: signature.utmSource, utmMedium: signature.utmMedium, utmCampaign: signature.utmCampaign, partner: signature.partner, referralCode: signature.referredBy },
    yourReferralCode: signature.referralCode,
  }))
  return {
    about: `Everything the Duty of Care campaign holds about ${subject.address}`,
    exportedAt: now.toISOString(),
    signature: copies[0] ?? null,
    ...(copies.length > 1 ? { otherSignatures: copies.slice(1) } : {}),
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
    /** Signatures you gave on paper or at an event, which campaigners typed in from the form. */
    paperSignatures: paper.map((p) => ({
      name: p.name,
      email: p.email,
      postcode: p.postcode,
      constituency: p.constituency?.name ?? null,
      nation: p.nation,
      event: p.event,
      signedOn: p.signedOn.toISOString().slice(0, 10),
      agreedToUpdates: p.consent,
      counted: p.import.state === 'imported',
    })),
    emailsWeSentYou: emails.map((e) => ({ kind: e.kind, to: e.to, subject: e.subject, status: e.status, queuedAt: e.createdAt, sentAt: e.sentAt })),
    emailsBlocked: suppressions.length ? { reason: suppressions[0].reason, since: suppressions[0].createdAt } : null,
  }
}

export type EraseOutcome = { status: 'erased' } | { status: 'invalid' }

/**
 * Erasure that keeps the counts: a confirmed (or struck-out) signature and
 * a letter that was confirmed are anonymised, not deleted, so every total
 * stays right; anything never confirmed is deleted. Under every spelling of
 * the address: signatures, letters, every email about them or to them
 * (mail not yet sent is cancelled), Resend's reports on those emails, the
 * suppression entry and the abuse-limit counters. The link stops working.
 */
export async function eraseMyData(token: unknown, now = new Date()): Promise<EraseOutcome> {
  const subject = await subjectOf(token, now)
  if (!subject) return { status: 'invalid' }
  const addresses = await prisma.$transaction(async (tx) => {
    const { signatures, letters, paper } = await idsOf(tx, subject.personKey)
    const signatureIds = signatures.map((s) => s.id)
    const letterIds = letters.map((l) => l.id)
    const emails = await emailsOf(tx, subject.personKey, { signatureIds, letterIds })
    const spellings = new Set([subject.address, ...signatures.map((s) => s.email), ...letters.map((l) => l.email), ...paper.map((p) => p.email)].map((a) => a.trim().toLowerCase()))
    for (const e of emails) for (const a of [e.to, e.replyTo]) if (a && personKey(a) === subject.personKey) spellings.add(a.trim().toLowerCase())

    await redactWebhookEvents(tx, { providerIds: emails.flatMap((e) => (e.providerId ? [e.providerId] : [])), addresses: [...spellings] })
    await anonymiseEmails(tx, { signatureIds, letterIds, emailIds: emails.map((e) => e.id) })
    const unconfirmed = (rows: { id: string; state: string }[]) => rows.filter((r) => r.state === 'pending').map((r) => r.id)
    const kept = (rows: { id: string; state: string }[]) => rows.filter((r) => r.state !== 'pending').map((r) => r.id)
    await tx.signature.deleteMany({ where: { id: { in: unconfirmed(signatures) } } })
    await anonymiseSignatures(tx, kept(signatures), now)
    await tx.letter.deleteMany({ where: { id: { in: unconfirmed(letters) } } })
    await anonymiseLetters(tx, kept(letters), now)
    // Paper signatures in force keep counting, anonymised; rows of a preview never imported are deleted.
    await tx.paperSignature.deleteMany({ where: { id: { in: paper.filter((p) => p.state !== 'imported').map((p) => p.id) } } })
    await anonymisePaperSignatures(tx, paper.filter((p) => p.state === 'imported').map((p) => p.id), now)
    // Nothing is sent to an address we no longer hold, so its suppression entry has nothing left to guard.
    await tx.$executeRaw`DELETE FROM "Suppression" WHERE ${personKeySql(Prisma.sql`"emailKey"`)} = ${subject.personKey}`
    return [...spellings]
  })
  for (const address of addresses) {
    for (const rule of ['dataRequestsPerEmail', 'lettersPerEmail'] as const) await reset(rule, addressRateKey(address))
  }
  return { status: 'erased' }
}

// The two forms' rules (server only; the pages render the errors).
export const dataRequestSchema = z.object({ email })
/** The erase form's one refusal, in English; a Welsh page shows `myDataToken.confirmRequired` in its place. */
export const ERASE_CONFIRM_REQUIRED = messagesFor('en').myDataToken.confirmRequired
export const eraseSchema = z.object({
  confirm: z.string({ required_error: ERASE_CONFIRM_REQUIRED }).refine((v) => v === 'on', ERASE_CONFIRM_REQUIRED),
})
