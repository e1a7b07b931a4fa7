// Anonymising keeps a row's place in the counts (state, constituency,
// nation, dates, which MP a letter went to) and removes everything that
// says who it was. Used by a supporter's erasure request and, after the
// campaign closes, for everyone. Nothing personal is left in any column:
// an email's subject (a letter's own subject line), its bounce text (which
// quotes the address) and Resend's webhook payloads go too (decision 058).
import { Prisma } from '~/generated/prisma/client'

/** What replaces an email address (unique columns get the row id appended). */
export const ANONYMISED = 'anonymised'

/**
 * Every personal column of an Email row, emptied. Mail not yet handed to
 * Resend (queued, or claimed by a sender right now) is cancelled: it never
 * goes to an address we no longer hold, and a sender finishing its batch
 * leaves a cancelled row alone (deliver.server.ts only updates rows still
 * `sending`). Sent mail keeps its status for the figures.
 */
const ERASED_EMAIL = Prisma.sql`
  status = CASE WHEN status IN ('queued', 'sending') THEN 'suppressed'::"EmailStatus" ELSE status END,
  "lastError" = CASE WHEN status IN ('queued', 'sending') THEN 'erased before sending' END,
  "to" = ${ANONYMISED}, "replyTo" = NULL, "fromName" = NULL, subject = '', data = '{}'::jsonb, secrets = NULL,
  headers = NULL, "outboxHtml" = NULL, "outboxText" = NULL, "linkTokenHash" = NULL, "updatedAt" = now()`

/** Emails about these signatures or letters, or these emails themselves: cancelled if not yet sent, and emptied. */
export async function anonymiseEmails(tx: Prisma.TransactionClient, ids: { signatureIds?: string[]; letterIds?: string[]; emailIds?: string[] }) {
  const signatureIds = ids.signatureIds ?? []
  const letterIds = ids.letterIds ?? []
  const emailIds = ids.emailIds ?? []
  if (!signatureIds.length && !letterIds.length && !emailIds.length) return 0
  return tx.$executeRaw`
    UPDATE "Email" SET ${ERASED_EMAIL}
    WHERE "signatureId" = ANY(${signatureIds}::uuid[]) OR "letterId" = ANY(${letterIds}::uuid[]) OR id = ANY(${emailIds}::uuid[])`
}

/** Every supporter email at once (the campaign's close); campaigners' own password emails are theirs, not supporters'. */
export async function anonymiseAllSupporterEmails(tx: Prisma.TransactionClient) {
  return tx.$executeRaw`
    UPDATE "Email" SET ${ERASED_EMAIL}
    WHERE kind <> 'set_password' AND ("to" <> ${ANONYMISED} OR status IN ('queued', 'sending') OR "replyTo" IS NOT NULL
      OR "fromName" IS NOT NULL OR subject <> '' OR "lastError" IS NOT NULL OR data <> '{}'::jsonb OR secrets IS NOT NULL
      OR headers IS NOT NULL OR "outboxHtml" IS NOT NULL OR "linkTokenHash" IS NOT NULL)`
}

/** What is left of a Resend webhook payload: which event, about which email (Resend's id); never who or what. */
const REDACTED_PAYLOAD = Prisma.sql`jsonb_build_object('type', type, 'data', jsonb_build_object('email_id', payload->'data'->'email_id'))`

/** Webhook events about these emails (by Resend id) or naming these addresses anywhere: only the event and the email id stay. */
export async function redactWebhookEvents(tx: Prisma.TransactionClient, about: { providerIds: string[]; addresses: string[] }) {
  const patterns = about.addresses.map((a) => `%${a.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)
  if (!about.providerIds.length && !patterns.length) return 0
  return tx.$executeRaw`
    UPDATE "WebhookEvent" SET payload = ${REDACTED_PAYLOAD}
    WHERE payload->'data'->>'email_id' = ANY(${about.providerIds}) OR lower(payload::text) LIKE ANY(${patterns})`
}

/** Events already applied need no more than their id (replays) and what they were: the rest goes. */
export async function redactProcessedWebhookEvents(tx: Prisma.TransactionClient) {
  return tx.$executeRaw`
    UPDATE "WebhookEvent" SET payload = ${REDACTED_PAYLOAD}
    WHERE "processedAt" IS NOT NULL AND payload IS DISTINCT FROM ${REDACTED_PAYLOAD}`
}

/**
 * Confirmed or struck-out signatures keep counting; who signed is gone. Where they came from (campaign
 * codes) and their own referral code stay: neither says who they were, the figures by source and
 * through each link stay right, and a kept code is never handed to anyone else (decision 105).
 */
export async function anonymiseSignatures(tx: Prisma.TransactionClient, ids: string[], now: Date) {
  if (!ids.length) return 0
  await anonymiseEmails(tx, { signatureIds: ids })
  return tx.$executeRaw`
    UPDATE "Signature" SET name = '', email = '', "emailKey" = ${ANONYMISED} || ':' || id, postcode = '',
      "tokenHash" = ${ANONYMISED} || ':' || id, "ipAddress" = NULL, "optIn" = false,
      "locatedAt" = coalesce("locatedAt", ${now}), "anonymisedAt" = ${now}
    WHERE id = ANY(${ids}::uuid[]) AND "anonymisedAt" IS NULL`
}

/** Letters keep their MP, constituency, state and dates (the per-MP figures); the writer and the words are gone. */
export async function anonymiseLetters(tx: Prisma.TransactionClient, ids: string[], now: Date) {
  if (!ids.length) return 0
  await anonymiseEmails(tx, { letterIds: ids })
  return tx.$executeRaw`
    UPDATE "Letter" SET name = '', email = '', "emailKey" = ${ANONYMISED} || ':' || id, "addressLine1" = NULL, town = NULL,
      postcode = '', phone = NULL, subject = NULL, body = NULL, fingerprint = '{}', "tokenHash" = NULL, "surveyTokenHash" = NULL,
      "ipAddress" = NULL, "bodyErasedAt" = coalesce("bodyErasedAt", ${now}), "anonymisedAt" = ${now}
    WHERE id = ANY(${ids}::uuid[]) AND "anonymisedAt" IS NULL`
}

/** Paper signatures keep their import, constituency, nation, date and event (every count); who signed is gone. */
export async function anonymisePaperSignatures(tx: Prisma.TransactionClient, ids: string[], now: Date) {
  if (!ids.length) return 0
  return tx.$executeRaw`
    UPDATE "PaperSignature" SET name = '', email = NULL, "emailKey" = NULL, postcode = '', consent = false, "anonymisedAt" = ${now}
    WHERE id = ANY(${ids}::uuid[]) AND "anonymisedAt" IS NULL`
}
