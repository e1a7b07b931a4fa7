// Campaign updates ("mailshots"): an admin writes one in Markdown, previews
// it, sends themselves a test, then sends it to every confirmed signer who
// opted in and has not unsubscribed or been suppressed.
//
// Sending is a worker loop that queues the audience into the outbox a chunk
// at a time, in signature-id order. Each chunk and the cursor that records
// it are written in ONE transaction, so after a crash or deploy the next
// chunk starts exactly after the last committed one: nobody twice, nobody
// missed. Only a few hundred of its emails wait in the outbox at any time,
// so confirmations and letters never queue behind a mailshot, and a pause
// takes effect within seconds.
import { z } from 'zod'
import type { FormLimits } from '~/lib/form-data.server'
import { audit as writeAudit } from '~/admin/audit.server'
import { Prisma, type Mailshot, type MailshotStatus } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { createToken } from '~/lib/tokens.server'
import { queueEmail } from '~/emails/outbox.server'
import { col, sql } from '~/lib/sql.server'

/** Recipients queued per transaction. */
export const MAILSHOT_CHUNK = 500
/** The next chunk is queued only when fewer of this mailshot's emails than this are still waiting. */
const MAX_WAITING = 500

const subjectRule = (what: string, required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .max(150, `Keep the ${what} to 150 characters or fewer`)
    .refine((s) => !/[\r\n]/.test(s), `The ${what} must be one line`)
const bodyRule = (what: string, required: string) =>
  z.string({ required_error: required }).trim().min(1, required).max(20_000, `Keep the ${what} under 20,000 characters`)

/**
 * The English subject and message are required; the Welsh ones are optional, checked by the same rules, and
 * go together: both or neither (decision 078).
 */
export const mailshotSchema = z
  .object({
    subject: subjectRule('subject', 'Enter a subject'),
    bodyMarkdown: bodyRule('update', 'Write the update'),
    subjectCy: subjectRule('title in Welsh', 'Enter the title in Welsh').optional(),
    bodyMarkdownCy: bodyRule('text in Welsh', 'Write the text in Welsh').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.subjectCy && !v.bodyMarkdownCy) ctx.addIssue({ code: 'custom', path: ['bodyMarkdownCy'], message: 'Write the text in Welsh too, or leave both Welsh fields empty' })
    if (v.bodyMarkdownCy && !v.subjectCy) ctx.addIssue({ code: 'custom', path: ['subjectCy'], message: 'Enter the title in Welsh too, or leave both Welsh fields empty' })
  })
  .transform((v) => ({ subject: v.subject, bodyMarkdown: v.bodyMarkdown, subjectCy: v.subjectCy ?? null, bodyMarkdownCy: v.bodyMarkdownCy ?? null }))
export type MailshotInput = Omit<z.output<typeof mailshotSchema>, 'subjectCy' | 'bodyMarkdownCy'> & { subjectCy?: string | null; bodyMarkdownCy?: string | null }
/** An update's Markdown may be long; its own rule says how long, this bounds the work. */
export const MAILSHOT_FORM_LIMITS: FormLimits = { maxChars: { bodyMarkdown: 80_000, bodyMarkdownCy: 80_000 } }

/** The version of an update a supporter gets: Welsh for someone who signed in Welsh, when there is one (decision 078). */
export function versionFor(shot: Pick<Mailshot, 'subject' | 'bodyMarkdown' | 'subjectCy' | 'bodyMarkdownCy'>, language: string | null) {
  return language === 'cy' && shot.subjectCy && shot.bodyMarkdownCy
    ? { language: 'cy' as const, subject: shot.subjectCy, bodyMarkdown: shot.bodyMarkdownCy }
    : { language: 'en' as const, subject: shot.subject, bodyMarkdown: shot.bodyMarkdown }
}

/** Pages in the email's language: Welsh emails link to the /cy twins (decision 110). */
function pagePath(language: 'en' | 'cy', path: string) {
  return `${env().APP_URL}${language === 'cy' ? '/cy' : ''}${path}`
}

export function unsubscribeUrl(token: string, language: 'en' | 'cy' = 'en') {
  return pagePath(language, `/unsubscribe/${token}`)
}

/** What a campaign-update email needs beyond its body: the one-click unsubscribe headers (RFC 8058). */
function unsubscribeHeaders(url: string) {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

export async function createMailshot(campaignerId: string, input: MailshotInput) {
  return prisma.$transaction(async (tx) => {
    const shot = await tx.mailshot.create({ data: { ...input, createdById: campaignerId }, select: { id: true } })
    await writeAudit(campaignerId, 'mailshot.create', { mailshotId: shot.id, subject: input.subject }, tx)
    return shot
  })
}

/** Drafts only: once sending starts, what goes out is fixed. */
export async function updateMailshot(id: string, campaignerId: string, input: MailshotInput): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.mailshot.updateMany({
      where: { id, status: 'draft' },
      data: { ...input, subjectCy: input.subjectCy ?? null, bodyMarkdownCy: input.bodyMarkdownCy ?? null },
    })
    if (count) await writeAudit(campaignerId, 'mailshot.edit', { mailshotId: id, subject: input.subject }, tx)
    return count > 0
  })
}

export async function deleteDraft(id: string, campaignerId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.mailshot.deleteMany({ where: { id, status: 'draft' } })
    if (count) await writeAudit(campaignerId, 'mailshot.delete', { mailshotId: id }, tx)
    return count > 0
  })
}

/** Sends the update to the admin alone, marked as a test, through the same outbox and template: both versions when it has a Welsh one. */
export async function sendTestMailshot(id: string, campaigner: { id: string; email: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const shot = await tx.mailshot.findUnique({ where: { id } })
    if (!shot) return false
    for (const version of shot.subjectCy && shot.bodyMarkdownCy ? [versionFor(shot, 'en'), versionFor(shot, 'cy')] : [versionFor(shot, 'en')]) {
      const url = unsubscribeUrl('test', version.language)
      await queueEmail(tx, {
        kind: 'campaign_update',
        to: campaigner.email,
        subject: `[Test] ${version.subject}`,
        template: 'campaign-update',
        data: { ...version, unsubscribeUrl: url, privacyUrl: pagePath(version.language, '/privacy'), isTest: true },
        headers: unsubscribeHeaders(url),
        mailshotId: shot.id,
      })
    }
    await writeAudit(campaigner.id, 'mailshot.test', { mailshotId: id, to: campaigner.email }, tx)
    return true
  })
}

async function setStatus(id: string, campaignerId: string, from: MailshotStatus[], to: MailshotStatus, action: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.mailshot.updateMany({
      where: { id, status: { in: from } },
      data: { status: to, ...(action === 'mailshot.start' ? { startedAt: new Date() } : {}) },
    })
    if (count) await writeAudit(campaignerId, action, { mailshotId: id }, tx)
    return count > 0
  })
}

/**
 * Whether a test of the update as it now reads (subject and message) has been sent: campaigners see a test
 * on their own phone before anything reaches supporters (decision 097). An edit after the test needs a new one.
 */
export async function testedAsWritten(id: string): Promise<boolean> {
  const shot = await prisma.mailshot.findUnique({ where: { id }, select: { subject: true, bodyMarkdown: true, subjectCy: true, bodyMarkdownCy: true } })
  if (!shot) return false
  const tests = await prisma.email.findMany({ where: { mailshotId: id, data: { path: ['isTest'], equals: true } }, select: { data: true } })
  // Each version that will go out (English, and Welsh when written) has had a test as it reads now.
  const versions = shot.subjectCy && shot.bodyMarkdownCy ? [versionFor(shot, 'en'), versionFor(shot, 'cy')] : [versionFor(shot, 'en')]
  return versions.every((version) =>
    tests.some(({ data }) => {
      const sent = data as { subject?: unknown; bodyMarkdown?: unknown; language?: unknown }
      return sent.subject === version.subject && sent.bodyMarkdown === version.bodyMarkdown && (sent.language ?? 'en') === version.language
    }),
  )
}

/** Starts sending to supporters only once a test of this very text has gone out (the dashboard's confirmation step). */
export async function startTestedMailshot(id: string, campaignerId: string): Promise<'started' | 'untested' | 'stale'> {
  if (!(await testedAsWritten(id))) return 'untested'
  return (await startMailshot(id, campaignerId)) ? 'started' : 'stale'
}

/** The audience is fixed at this moment: signers confirmed by now. */
export const startMailshot = (id: string, campaignerId: string) => setStatus(id, campaignerId, ['draft'], 'sending', 'mailshot.start')
export const pauseMailshot = (id: string, campaignerId: string) => setStatus(id, campaignerId, ['sending'], 'paused', 'mailshot.pause')
export const resumeMailshot = (id: string, campaignerId: string) => setStatus(id, campaignerId, ['paused'], 'sending', 'mailshot.resume')

async function nextRecipients(tx: Prisma.TransactionClient, shot: Pick<Mailshot, 'startedAt' | 'cursor'>, limit: number) {
  const { startedAt, cursor } = shot
  return sql.rows({ id: col.string, email: col.string, language: col.string }, tx)`
    SELECT s.id, s.email, s.language FROM "Signature" s
    WHERE s.state = 'validated' AND s."optIn" AND s."unsubscribedAt" IS NULL AND s."anonymisedAt" IS NULL
      AND s."validatedAt" <= ${startedAt ?? new Date()}
      AND (${cursor}::uuid IS NULL OR s.id > ${cursor}::uuid)
      AND NOT EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailKey" = s."emailKey")
    ORDER BY s.id
    LIMIT ${limit}`
}

/**
 * Paper and event signers who gave an email and ticked "keep me updated" (decision 077), after the online
 * signers, in id order. Left out: an address that is suppressed, someone who also signed online (their online
 * choice decides, and they get one email), and all but the first paper row of one mailbox.
 */
function paperAudience({ startedAt, paperCursor }: Pick<Mailshot, 'startedAt' | 'paperCursor'>) {
  return Prisma.sql`
    FROM "PaperSignature" p JOIN "PaperImport" i ON i.id = p."importId"
    WHERE i.state = 'imported' AND i."importedAt" <= ${startedAt ?? new Date()}
      AND p.consent AND p.email IS NOT NULL AND p."emailKey" IS NOT NULL AND p."unsubscribedAt" IS NULL AND p."anonymisedAt" IS NULL
      AND (${paperCursor}::uuid IS NULL OR p.id > ${paperCursor}::uuid)
      AND NOT EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailKey" = p."emailKey")
      AND NOT EXISTS (SELECT 1 FROM "Signature" s WHERE s."emailKey" = p."emailKey" AND s.state = 'validated')
      AND NOT EXISTS (
        SELECT 1 FROM "PaperSignature" q JOIN "PaperImport" qi ON qi.id = q."importId"
        WHERE q."emailKey" = p."emailKey" AND q.id < p.id AND qi.state = 'imported' AND q.consent)`
}

async function nextPaperRecipients(tx: Prisma.TransactionClient, shot: Pick<Mailshot, 'startedAt' | 'paperCursor'>, limit: number) {
  return sql.rows({ id: col.string, email: col.string }, tx)`SELECT p.id, p.email ${paperAudience(shot)} ORDER BY p.id LIMIT ${limit}`
}

const mailshotToSend = {
  id: col.string,
  subject: col.string,
  bodyMarkdown: col.string,
  subjectCy: col.string.nullable(),
  bodyMarkdownCy: col.string.nullable(),
  startedAt: col.at.nullable(),
  cursor: col.string.nullable(),
  onlineDone: col.boolean,
  paperCursor: col.string.nullable(),
}

/**
 * Worker step: queues the next chunk of the oldest mailshot being sent.
 * Returns how many emails it queued (0 = nothing to do right now).
 */
export async function queueMailshotChunk(chunkSize = MAILSHOT_CHUNK): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const [shot] = await sql.rows(mailshotToSend, tx)`
        SELECT id, subject, "bodyMarkdown", "subjectCy", "bodyMarkdownCy", "startedAt", cursor, "onlineDone", "paperCursor" FROM "Mailshot" WHERE status = 'sending' ORDER BY "startedAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`
      if (!shot) return 0
      const [{ waiting }] = await sql.rows({ waiting: col.number }, tx)`
        SELECT count(*)::int AS waiting FROM "Email"
        WHERE "mailshotId" = ${shot.id}::uuid AND status IN ('queued', 'sending') AND "linkTokenHash" IS NOT NULL`
      if (waiting >= MAX_WAITING) return 0

      // Online signers first, then consenting paper signers, each resuming after its own cursor.
      const online = shot.onlineDone ? [] : await nextRecipients(tx, shot, chunkSize)
      const onlineDone = shot.onlineDone || online.length < chunkSize
      const paper = onlineDone ? await nextPaperRecipients(tx, shot, chunkSize - online.length) : []
      const recipients = [
        ...online.map((r) => ({ ...r, signatureId: r.id, paperSignatureId: null })),
        // Paper forms carry no language: their signers get the English version.
        ...paper.map((r) => ({ ...r, language: 'en', signatureId: null, paperSignatureId: r.id })),
      ]
      const rows = recipients.map((r) => {
        const { token, hash } = createToken()
        const { language, subject, bodyMarkdown } = versionFor(shot, r.language)
        const url = unsubscribeUrl(token, language)
        return {
          kind: 'campaign_update' as const,
          to: r.email,
          subject,
          template: 'campaign-update',
          data: { subject, language, privacyUrl: pagePath(language, '/privacy') },
          // The body rides with the email only until it is sent (bounded by MAX_WAITING); the link is secret.
          secrets: { bodyMarkdown, unsubscribeUrl: url, headers: unsubscribeHeaders(url) },
          signatureId: r.signatureId,
          paperSignatureId: r.paperSignatureId,
          mailshotId: shot.id,
          linkTokenHash: hash,
        }
      })
      if (rows.length) await tx.email.createMany({ data: rows })
      const finished = recipients.length < chunkSize
      await tx.mailshot.update({
        where: { id: shot.id },
        data: {
          cursor: online.length ? online[online.length - 1].id : shot.cursor,
          onlineDone,
          paperCursor: paper.length ? paper[paper.length - 1].id : shot.paperCursor,
          queuedCount: { increment: recipients.length },
          ...(finished ? { status: 'sent', finishedAt: new Date() } : {}),
        },
      })
      return recipients.length
    },
    { timeout: 30_000 },
  )
}

/** Worker loop body: keeps queueing while there is room; the delay until the next look. */
export async function queueMailshots(): Promise<number> {
  const queued = await queueMailshotChunk()
  return queued ? 250 : 2_000
}

export interface MailshotProgress {
  /** Everyone it goes to (fixed when sending started; an estimate for a draft). */
  audience: number
  queued: number
  byStatus: Partial<Record<string, number>>
}

export async function mailshotProgress(
  shot: Pick<Mailshot, 'id' | 'startedAt' | 'cursor' | 'queuedCount' | 'status' | 'onlineDone' | 'paperCursor'>,
): Promise<MailshotProgress> {
  const startedAt = shot.startedAt ?? new Date()
  const [{ remaining }] = await sql.rows({ remaining: col.number })`
    SELECT count(*)::int AS remaining FROM "Signature" s
    WHERE s.state = 'validated' AND s."optIn" AND s."unsubscribedAt" IS NULL AND s."anonymisedAt" IS NULL
      AND s."validatedAt" <= ${startedAt}
      AND (${shot.cursor}::uuid IS NULL OR s.id > ${shot.cursor}::uuid)
      AND NOT EXISTS (SELECT 1 FROM "Suppression" x WHERE x."emailKey" = s."emailKey")
      AND NOT ${shot.onlineDone}`
  const [{ paper }] = await sql.rows({ paper: col.number })`SELECT count(*)::int AS paper ${paperAudience({ startedAt, paperCursor: shot.paperCursor })}`
  const statuses = await prisma.email.groupBy({
    by: ['status'],
    where: { mailshotId: shot.id, linkTokenHash: { not: null } },
    _count: { _all: true },
  })
  return {
    audience: shot.status === 'sent' ? shot.queuedCount : shot.queuedCount + remaining + paper,
    queued: shot.queuedCount,
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, s._count._all])),
  }
}

export async function listMailshots() {
  return prisma.mailshot.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, subject: true, status: true, createdAt: true, startedAt: true, finishedAt: true, queuedCount: true, createdBy: { select: { email: true } } },
  })
}

export async function getMailshot(id: string) {
  if (!z.string().uuid().safeParse(id).success) return null
  const shot = await prisma.mailshot.findUnique({ where: { id }, include: { createdBy: { select: { email: true } } } })
  if (!shot) return null
  return { ...shot, progress: await mailshotProgress(shot) }
}
