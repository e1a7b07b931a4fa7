// Jobs that follow a letter after it is confirmed: its state follows its email
// to the MP (sent, delivered, held after a bounce, failed); 14 days after sending, one
// "Did your MP reply?" email whose links open a page to answer; letters never confirmed
// are deleted once they are of no use.
import { retention } from '~/campaign/retention'
import { Prisma, type ReplyStatus } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { createToken, hashToken, isWellFormedToken } from '~/lib/tokens.server'
import { queueEmail } from '~/emails/outbox.server'
import { linkMpsToConstituencies } from '~/mps/sync.server'
import { fill, localePath, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { letterLanguage, releaseHeldLetters } from './dispatch.server'
import { anonymiseEmails } from '~/retention/anonymise.server'
import { col, sql } from '~/lib/sql.server'

export const SURVEY_AFTER_DAYS = 14
const SURVEY_BATCH = 200
const PURGE_BATCH = 5000

/** Only a letter's newest email to its MP counts: a held letter is sent again with a new one. */
const NEWEST_TO_MP = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "Email" n WHERE n."letterId" = l.id AND n.kind = 'letter_to_mp' AND n."createdAt" > e."createdAt")`

/**
 * Moves letters forward as their email to the MP is sent, delivered, bounces or fails, and sends
 * held letters whose MP's address has been fixed. Idempotent.
 */
export async function trackLetters() {
  const sent = await prisma.$executeRaw`
    UPDATE "Letter" l SET state = 'sent', "sentAt" = e."sentAt"
    FROM "Email" e
    WHERE e."letterId" = l.id AND e.kind = 'letter_to_mp' AND l.state = 'confirmed' AND l."heldAt" IS NULL
      AND e.status IN ('sent', 'delivered', 'delivery_delayed') AND e."sentAt" IS NOT NULL AND ${NEWEST_TO_MP}`
  const delivered = await prisma.$executeRaw`
    UPDATE "Letter" l SET state = 'delivered', "deliveredAt" = e."updatedAt"
    FROM "Email" e
    WHERE e."letterId" = l.id AND e.kind = 'letter_to_mp' AND l.state IN ('confirmed', 'sent') AND l."heldAt" IS NULL
      AND e.status = 'delivered' AND ${NEWEST_TO_MP}`
  // The MP's own address bounced: the letter is held (not dropped) and the address flagged for
  // campaigners; fixing it sends the letter again (releaseHeldLetters, below and in the admin).
  const [{ held }] = await sql.rows({ held: col.number })`
    WITH bounced AS (
      UPDATE "Letter" l SET state = 'confirmed', "heldAt" = now(), "sentAt" = NULL, "deliveredAt" = NULL
      FROM "Email" e
      WHERE e."letterId" = l.id AND e.kind = 'letter_to_mp' AND l.state IN ('confirmed', 'sent', 'delivered') AND l."heldAt" IS NULL
        AND e.status = 'bounced' AND ${NEWEST_TO_MP}
      RETURNING l."mpId", e."to"
    ), flagged AS (
      UPDATE "Mp" m SET "emailBouncedAt" = now()
      FROM bounced b
      WHERE m.id = b."mpId" AND m."emailBouncedAt" IS NULL AND lower(b."to") = lower(coalesce(m."emailOverride", m.email))
    )
    SELECT count(*)::int AS held FROM bounced`
  const failed = await prisma.$executeRaw`
    UPDATE "Letter" l SET state = 'failed'
    FROM "Email" e
    WHERE e."letterId" = l.id AND e.kind = 'letter_to_mp' AND l.state = 'confirmed' AND l."heldAt" IS NULL
      AND e.status IN ('failed', 'suppressed') AND ${NEWEST_TO_MP}`
  const reminded = await prisma.$executeRaw`
    UPDATE "Letter" l SET "reminderSentAt" = e."sentAt"
    FROM "Email" e
    WHERE e."letterId" = l.id AND e.kind = 'letter_reminder' AND l."reminderSentAt" IS NULL AND e."sentAt" IS NOT NULL`
  const released = await releaseHeldLetters()
  const linked = await linkMpsToConstituencies()
  return { sent, delivered, held, failed, reminded, released, linked }
}

function replyUrl(token: string, answer: ReplyStatus, language: Language) {
  return `${env().APP_URL}${localePath(language, `/write/reply/${token}`)}?answer=${answer}`
}

/** "Did your MP reply?" to everyone whose letter went out SURVEY_AFTER_DAYS ago; each asked once. */
export async function sendReplySurveys(now = new Date()): Promise<number> {
  const due = new Date(now.getTime() - SURVEY_AFTER_DAYS * 24 * 3600 * 1000)
  let total = 0
  for (;;) {
    const letters = await prisma.letter.findMany({
      where: { channel: 'campaign_mail', state: { in: ['sent', 'delivered'] }, sentAt: { lte: due }, surveySentAt: null, anonymisedAt: null },
      select: { id: true, name: true, email: true, language: true, mp: { select: { name: true } } },
      take: SURVEY_BATCH,
    })
    if (!letters.length) return total
    for (const letter of letters) {
      const { token, hash } = createToken()
      const language = letterLanguage(letter.language)
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.letter.updateMany({
          where: { id: letter.id, surveySentAt: null },
          data: { surveySentAt: now, surveyTokenHash: hash },
        })
        if (!count) return
        await queueEmail(tx, {
          kind: 'reply_survey',
          to: letter.email,
          subject: fill(messagesFor(language).write.email.surveySubject, { mp: letter.mp.name }),
          template: 'reply-survey',
          data: { mpName: letter.mp.name, language },
          secrets: {
            name: letter.name,
            repliedUrl: replyUrl(token, 'replied', language),
            acknowledgedUrl: replyUrl(token, 'acknowledged', language),
            noReplyUrl: replyUrl(token, 'no_reply', language),
          },
          letterId: letter.id,
        })
      })
      total++
    }
  }
}

export function isReplyStatus(value: unknown): value is ReplyStatus {
  return value === 'replied' || value === 'acknowledged' || value === 'no_reply'
}

export type ReplyOutcome = { status: 'recorded'; answer: ReplyStatus; mpName: string } | { status: 'invalid' }

export type ReplySurvey = { status: 'open'; mpName: string; answer: ReplyStatus | null } | { status: 'invalid' }

/** What a survey link shows, read only (mail scanners open every link): the MP, and any answer already given. */
export async function replySurvey(token: unknown): Promise<ReplySurvey> {
  if (!isWellFormedToken(token)) return { status: 'invalid' }
  const letter = await prisma.letter.findUnique({ where: { surveyTokenHash: hashToken(token) }, select: { replyStatus: true, mp: { select: { name: true } } } })
  return letter ? { status: 'open', mpName: letter.mp.name, answer: letter.replyStatus } : { status: 'invalid' }
}

/** The survey page's buttons record (or change) the answer. */
export async function recordReply(token: unknown, answer: unknown): Promise<ReplyOutcome> {
  if (!isWellFormedToken(token) || !isReplyStatus(answer)) return { status: 'invalid' }
  const surveyTokenHash = hashToken(token)
  const letter = await prisma.letter.findUnique({ where: { surveyTokenHash }, select: { id: true, mp: { select: { name: true } } } })
  if (!letter) return { status: 'invalid' }
  await prisma.letter.update({ where: { id: letter.id }, data: { replyStatus: answer, replyAnsweredAt: new Date() } })
  return { status: 'recorded', answer, mpName: letter.mp.name }
}

/** MP responsiveness for the dashboard: letters sent and what supporters said came back. */
export async function replyFigures() {
  return sql.rows({ mpId: col.number, mp: col.string, constituency: col.string.nullable(), sent: col.number, asked: col.number, replied: col.number, acknowledged: col.number, noReply: col.number })`
    SELECT m.id AS "mpId", m.name AS mp, m."constituencyName" AS constituency,
      count(*)::int AS sent,
      count(l."surveySentAt")::int AS asked,
      count(*) FILTER (WHERE l."replyStatus" = 'replied')::int AS replied,
      count(*) FILTER (WHERE l."replyStatus" = 'acknowledged')::int AS acknowledged,
      count(*) FILTER (WHERE l."replyStatus" = 'no_reply')::int AS "noReply"
    FROM "Letter" l JOIN "Mp" m ON m.id = l."mpId"
    WHERE l.channel = 'campaign_mail' AND l.state IN ('sent', 'delivered')
    GROUP BY m.id ORDER BY sent DESC, m.name`
}

/** Letters never confirmed hold a name, an address and a letter we have no reason to keep. */
export async function purgeUnconfirmedLetters(now = new Date()) {
  const cutoff = new Date(now.getTime() - retention.unconfirmedDays * 24 * 3600 * 1000)
  let purged = 0
  for (;;) {
    const count = await prisma.$transaction(async (tx) => {
      const stale = await tx.letter.findMany({ where: { state: 'pending', createdAt: { lt: cutoff } }, select: { id: true }, take: PURGE_BATCH })
      const ids = stale.map((l) => l.id)
      // Their confirmation emails and reminders carried the letter: emptied (and cancelled if still queued) too.
      await anonymiseEmails(tx, { letterIds: ids })
      return (await tx.letter.deleteMany({ where: { id: { in: ids } } })).count
    })
    purged += count
    if (count < PURGE_BATCH) return purged
  }
}
