// Queueing an email is writing a row, inside the caller's transaction: the
// email exists exactly when the thing it is about exists. The worker sends it.
import type { EmailKind, Prisma } from '~/generated/prisma/client'

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
      nextAttemptAt: email.notBefore ?? new Date(),
      linkTokenHash: email.linkTokenHash,
    },
    select: { id: true },
  })
}
