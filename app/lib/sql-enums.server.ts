// The states of a signature, a letter, an email and an MP, for raw SQL: named once, in prisma/schema.prisma, and reached
// through Prisma's generated enums, so a renamed or misspelt state fails to compile at every query that tests it
// (decision 075). Prisma-client queries already check their enum values; this is the same for `sql.rows`.
import { Prisma } from '~/generated/prisma/client'
import { EmailStatus, LetterState, MpStatus, PaperImportState, SignatureState } from '~/generated/prisma/enums'

/**
 * Every value of an enum as an SQL literal fragment: `${signatureState.validated}` writes `'validated'`.
 * A literal, not a bound parameter, so Postgres reads it as the column's enum type and the partial indexes
 * whose predicates name a state (`WHERE state = 'validated'`) still match the query.
 */
function literals<const Values extends Record<string, string>>(values: Values): { readonly [K in keyof Values]: Prisma.Sql } {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      // Generated enum values are identifiers; anything else must never be inlined into SQL.
      if (!/^[a-z_]+$/.test(value)) throw new Error(`Not an enum value: ${JSON.stringify(value)}`)
      return [key, Prisma.raw(`'${value}'`)]
    }),
  ) as { readonly [K in keyof Values]: Prisma.Sql }
}

export const signatureState = literals(SignatureState)
export const letterState = literals(LetterState)
export const emailStatus = literals(EmailStatus)
export const mpStatus = literals(MpStatus)
export const paperImportState = literals(PaperImportState)
