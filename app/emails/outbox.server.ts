// The app's outbox: the transport (app/mail) bound to the app's templates (./templates.server).
// Domains queue and deliver email through here, so that `data` and `secrets` are checked against
// the named template's props at compile time.
import type { Prisma } from '~/generated/prisma/client'
import { deliverAllDue as deliverAllDueWith, deliverBatch as deliverBatchWith } from '~/mail/deliver.server'
import { emailsInsertSql, insertEmail, type QueuedEmail } from '~/mail/outbox.server'
import { renderEmail, type TemplateName, type TemplateProps } from './templates.server'

/**
 * One email for template T. Its props are split in two: `secrets` (personal links, erased once
 * Resend has accepted the email) and `data` (everything else, kept). Together they must be exactly
 * the template's props: a missing, misspelt or mistyped prop does not compile.
 */
export type TypedEmail<T extends TemplateName, S extends keyof TemplateProps<T>> = Omit<QueuedEmail, 'template' | 'data' | 'secrets'> & {
  template: T
  data: Omit<TemplateProps<T>, S>
  secrets?: Pick<TemplateProps<T>, S>
}

export async function queueEmail<T extends TemplateName, S extends keyof TemplateProps<T> = never>(
  tx: Prisma.TransactionClient,
  email: TypedEmail<T, S>,
) {
  return insertEmail(tx, email)
}

/** Many `queueEmail`s as a fragment of the caller's own statement, each hung off a row it wrote: see emailsInsertSql. */
export function queueEmailsSql<T extends TemplateName, S extends keyof TemplateProps<T> = never>(
  emails: (TypedEmail<T, S> & { signatureId: string })[],
  written: Prisma.Sql,
): Prisma.Sql {
  return emailsInsertSql(emails, written)
}

export const deliverBatch = (options?: Parameters<typeof deliverBatchWith>[1]) => deliverBatchWith(renderEmail, options)
export const deliverAllDue = (maxBatches?: number) => deliverAllDueWith(renderEmail, maxBatches)
