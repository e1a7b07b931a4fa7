// Signatures learn their constituency and nation after they are written, in
// the worker, so a slow or failing postcodes.io never blocks anyone signing.
import { ensureConstituency } from '~/constituencies/constituencies.server'
import { lookupPostcodes } from '~/constituencies/postcodes-io.server'
import { prisma } from '~/lib/db.server'
import { col, sql } from '~/lib/sql.server'
import { signatureState } from '~/lib/sql-enums.server'

const BULK_LIMIT = 100

/** Locates up to 100 distinct unlocated postcodes. Returns how many were looked up; throws if postcodes.io fails. */
export async function locateSignatures(): Promise<number> {
  const rows = await sql.rows({ postcode: col.string })`
    SELECT DISTINCT postcode FROM "Signature"
    WHERE "locatedAt" IS NULL AND state <> ${signatureState.invalidated}
    LIMIT ${BULK_LIMIT}`
  if (!rows.length) return 0
  const places = await lookupPostcodes(rows.map((r) => r.postcode))
  for (const { postcode } of rows) {
    const place = places.get(postcode) ?? null
    if (place?.constituencyCode && place.constituencyName && place.nation) {
      await ensureConstituency({ code: place.constituencyCode, name: place.constituencyName, nation: place.nation })
    }
    await prisma.signature.updateMany({
      where: { postcode, locatedAt: null },
      data: {
        locatedAt: new Date(),
        constituencyCode: place?.constituencyName ? place.constituencyCode : null,
        nation: place?.nation ?? null,
      },
    })
  }
  return rows.length
}
