// Anonymising keeps a row's place in the counts (state, constituency,
// nation, dates, which MP a letter went to) and removes everything that
// says who it was. Used by a supporter's erasure request and, after the
// campaign closes, for everyone.
import type { Prisma } from '~/generated/prisma/client'

/** What replaces an email address (unique columns get the row id appended). */
export const ANONYMISED = 'anonymised'

/** Emails about these signatures or letters: address, names and content removed; status kept for the figures. */
export async function anonymiseEmails(tx: Prisma.TransactionClient, ids: { signatureIds?: string[]; letterIds?: string[] }) {
  const signatureIds = ids.signatureIds ?? []
  const letterIds = ids.letterIds ?? []
  if (!signatureIds.length && !letterIds.length) return 0
  // Not yet sent: cancelled, so nothing goes to an address we no longer hold. In flight (claimed): left to finish.
  await tx.$executeRaw`
    UPDATE "Email" SET status = 'suppressed', "lastError" = 'erased before sending', "updatedAt" = now()
    WHERE ("signatureId" = ANY(${signatureIds}::uuid[]) OR "letterId" = ANY(${letterIds}::uuid[]))
      AND status = 'queued' AND "batchKey" IS NULL`
  return tx.$executeRaw`
    UPDATE "Email" SET "to" = ${ANONYMISED}, "replyTo" = NULL, "fromName" = NULL, data = '{}'::jsonb, secrets = NULL,
      headers = NULL, "outboxHtml" = NULL, "outboxText" = NULL, "updatedAt" = now()
    WHERE ("signatureId" = ANY(${signatureIds}::uuid[]) OR "letterId" = ANY(${letterIds}::uuid[]))
      AND status NOT IN ('queued', 'sending') AND "to" <> ${ANONYMISED}`
}

/** Confirmed or struck-out signatures keep counting; who signed is gone. */
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
