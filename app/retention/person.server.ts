// Whose records a data request covers. Someone who proves they read mail at
// an address gets (and can erase) everything held under any spelling that
// reaches the same inbox: any case, any +tag, and Gmail's dots. Deliberately
// looser than the petition's duplicate key: erasing too much only anonymises
// (every count stays), while missing a spelling would leave them behind
// (decision 058).
import { Prisma } from '~/generated/prisma/client'

/** Providers that ignore dots in the local part; the first is the canonical name. */
const DOT_BLIND_DOMAINS = ['gmail.com', 'googlemail.com']

export function personKey(address: string): string {
  const lower = address.trim().toLowerCase()
  const at = lower.indexOf('@')
  if (at < 1) return lower
  const local = lower.slice(0, at)
  const domain = lower.slice(at + 1)
  const untagged = local.split('+')[0] || local
  return DOT_BLIND_DOMAINS.includes(domain) ? `${untagged.replaceAll('.', '')}@${DOT_BLIND_DOMAINS[0]}` : `${untagged}@${domain}`
}

/** personKey() in SQL, over a text column (NULL stays NULL); the tests hold the two to the same answers. */
export function personKeySql(column: Prisma.Sql): Prisma.Sql {
  const lower = Prisma.sql`lower(btrim(${column}))`
  const local = Prisma.sql`split_part(${lower}, '@', 1)`
  const domain = Prisma.sql`substr(${lower}, strpos(${lower}, '@') + 1)`
  const untagged = Prisma.sql`coalesce(nullif(split_part(${local}, '+', 1), ''), ${local})`
  return Prisma.sql`(CASE WHEN strpos(${lower}, '@') < 2 THEN ${lower}
    WHEN ${domain} = ANY(${DOT_BLIND_DOMAINS}) THEN replace(${untagged}, '.', '') || ${`@${DOT_BLIND_DOMAINS[0]}`}
    ELSE ${untagged} || '@' || ${domain} END)`
}
