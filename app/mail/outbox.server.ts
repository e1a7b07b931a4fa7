// Queueing an email is writing a row, inside the caller's transaction: the
// email exists exactly when the thing it is about exists. The worker sends it.
import { Prisma, type EmailKind } from '~/generated/prisma/client'

/** An email as the transport stores it: the template is a name, its props plain JSON. The app's typed
 * `queueEmail` (app/emails/outbox.server.ts) checks them against the template before they get here. */
export interface QueuedEmail {
  kind: EmailKind
  to: string
  subject: string
  template: string
  /** Kept until the email is gone; safe to keep (no secrets). */
  data: object
  /** Secret links; erased once Resend has accepted the email. */
  secrets?: object
  replyTo?: string
  fromName?: string
  headers?: Record<string, string>
  signatureId?: string
  letterId?: string
  mailshotId?: string
  /** Send no earlier than this (reminders). */
  notBefore?: Date
  /** Hash of the token in this email's personal link, to find the email when the link is opened. */
  linkTokenHash?: string
}

/** The only code that writes an `Email` row (and its many-row twin `emailsInsertSql`, below, which signing's statement embeds). */
export async function insertEmail(tx: Prisma.TransactionClient, email: QueuedEmail) {
  return tx.email.create({
    data: {
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      template: email.template,
      data: email.data as Prisma.InputJsonValue,
      secrets: (email.secrets ?? undefined) as Prisma.InputJsonValue | undefined,
      replyTo: email.replyTo,
      fromName: email.fromName,
      headers: email.headers,
      signatureId: email.signatureId,
      letterId: email.letterId,
      mailshotId: email.mailshotId,
      notBefore: email.notBefore ?? new Date(),
      linkTokenHash: email.linkTokenHash,
    },
    select: { id: true },
  })
}

/**
 * Many rows of `insertEmail` in one INSERT a caller's statement embeds (a CTE body): each email's
 * `signatureId` is the row it hangs off, and an email is written only if that id is among the ids
 * `written` yields (e.g. Prisma.sql`SELECT id FROM signature`, a CTE's RETURNING id) — so a
 * signature skipped as a repeat gets no email here. Signing's group commit writes a batch of
 * signatures and their confirmations in one statement with it (decision 084).
 */
export function emailsInsertSql(emails: (Omit<QueuedEmail, 'signatureId'> & { signatureId: string })[], written: Prisma.Sql): Prisma.Sql {
  const json = (value: object | undefined) => (value === undefined ? null : JSON.stringify(value))
  const column = <T>(pick: (email: (typeof emails)[number]) => T) => emails.map(pick)
  return Prisma.sql`
    INSERT INTO "Email" (id, kind, "to", subject, template, data, secrets, "replyTo", "fromName", headers,
      "letterId", "mailshotId", "notBefore", "linkTokenHash", "signatureId", "updatedAt")
    SELECT gen_random_uuid(), e.kind::"EmailKind", e."to", e.subject, e.template, e.data::jsonb, e.secrets::jsonb,
      e."replyTo", e."fromName", e.headers::jsonb, e."letterId", e."mailshotId", coalesce(e."notBefore"::timestamp(3), now()),
      e."linkTokenHash", e."signatureId", now()
    FROM unnest(${column((e) => e.kind)}::text[], ${column((e) => e.to)}::text[], ${column((e) => e.subject)}::text[],
      ${column((e) => e.template)}::text[], ${column((e) => json(e.data))}::text[], ${column((e) => json(e.secrets))}::text[],
      ${column((e) => e.replyTo ?? null)}::text[], ${column((e) => e.fromName ?? null)}::text[], ${column((e) => json(e.headers))}::text[],
      ${column((e) => e.letterId ?? null)}::uuid[], ${column((e) => e.mailshotId ?? null)}::uuid[],
      ${column((e) => e.notBefore?.toISOString() ?? null)}::text[], ${column((e) => e.linkTokenHash ?? null)}::text[],
      ${column((e) => e.signatureId)}::uuid[])
      AS e(kind, "to", subject, template, data, secrets, "replyTo", "fromName", headers, "letterId", "mailshotId", "notBefore", "linkTokenHash", "signatureId")
    WHERE e."signatureId" IN (${written})`
}
