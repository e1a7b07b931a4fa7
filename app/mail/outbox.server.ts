// Queueing an email is writing a row, inside the caller's transaction: the
// email exists exactly when the thing it is about exists. The worker sends it.
import type { EmailKind, Prisma } from '~/generated/prisma/client'
import type { TemplateName, TemplateProps } from './templates.server'

export interface QueuedEmail<T extends TemplateName> {
  kind: EmailKind
  to: string
  subject: string
  template: T
  /** Kept until the email is gone; safe to keep (no secrets). */
  data: Partial<TemplateProps<T>>
  /** Secret links; erased once Resend has accepted the email. */
  secrets?: Partial<TemplateProps<T>>
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

export async function queueEmail<T extends TemplateName>(tx: Prisma.TransactionClient, email: QueuedEmail<T>) {
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
