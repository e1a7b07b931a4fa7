// Whether a signer wants campaign updates *now*: they ticked the box when
// signing, have not unsubscribed since, and mail to them is not suppressed
// (a hard bounce or a spam complaint). The one definition the signatures
// export and the supporter's own data download report (decision 059); the
// suppression join is on the same key the outbox checks (app/mail/suppression.server.ts).
import { Prisma } from '~/generated/prisma/client'

/** A boolean SQL expression over a "Signature" row known by `alias`. */
export function wantsUpdatesSql(alias: string): Prisma.Sql {
  const s = Prisma.raw(`"${alias.replaceAll('"', '')}"`)
  return Prisma.sql`(${s}."optIn" AND ${s}."unsubscribedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "Suppression" suppressed WHERE suppressed."emailKey" = ${s}."emailKey"))`
}
