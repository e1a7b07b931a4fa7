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

/** The only code that writes an `Email` row (the signing CTE embeds `emailInsertSql`, below). */
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
 * The same row as `insertEmail`, as an INSERT a caller's single statement embeds (a CTE body): one
 * email for each row of `from.rows`, hung off it by `from.signatureId` (e.g. Prisma.sql`signature.id`).
 * Signing writes its signature and its confirmation email in one round trip with it (decision 071).
 */
export function emailInsertSql(email: Omit<QueuedEmail, 'signatureId'>, from: { rows: Prisma.Sql; signatureId: Prisma.Sql }): Prisma.Sql {
  const json = (value: object | undefined) => (value === undefined ? null : JSON.stringify(value))
  return Prisma.sql`
    INSERT INTO "Email" (id, kind, "to", subject, template, data, secrets, "replyTo", "fromName", headers,
      "letterId", "mailshotId", "notBefore", "linkTokenHash", "signatureId", "updatedAt")
    SELECT gen_random_uuid(), ${email.kind}::"EmailKind", ${email.to}, ${email.subject}, ${email.template},
      ${json(email.data)}::jsonb, ${json(email.secrets)}::jsonb, ${email.replyTo ?? null}, ${email.fromName ?? null},
      ${json(email.headers)}::jsonb, ${email.letterId ?? null}::uuid, ${email.mailshotId ?? null}::uuid,
      (${email.notBefore ?? Prisma.sql`now()`})::timestamp(3), ${email.linkTokenHash ?? null}, ${from.signatureId}, now()
    FROM ${from.rows}`
}
