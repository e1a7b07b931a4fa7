import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'

/** postcodes.io and Parliament spell some seat names differently ("&" vs "and", accents, commas). */
export function constituencyNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export async function ensureConstituency(
  place: { code: string; name: string; nation: string },
  db: Prisma.TransactionClient = prisma,
) {
  await db.constituency.upsert({
    where: { onsCode: place.code },
    create: { onsCode: place.code, name: place.name, nameKey: constituencyNameKey(place.name), nation: place.nation },
    update: {},
  })
  // The MP directory knows seats by name until postcodes.io gives their code: link this seat's MP now.
  await db.$executeRaw`
    UPDATE "Mp" SET "constituencyCode" = ${place.code}
    WHERE "constituencyCode" IS NULL AND status = 'current' AND "constituencyKey" = ${constituencyNameKey(place.name)}
      AND NOT EXISTS (SELECT 1 FROM "Mp" WHERE "constituencyCode" = ${place.code})`
}
