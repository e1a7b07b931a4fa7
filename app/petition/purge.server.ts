import { prisma } from '~/lib/db.server'
import { anonymiseEmails } from '~/retention/anonymise.server'

const BATCH = 5000

/** Signatures never confirmed are personal data we have no reason to keep: gone once their link expires, with what their emails said. */
export async function purgeUnconfirmedSignatures(now = new Date()) {
  let purged = 0
  for (;;) {
    const count = await prisma.$transaction(async (tx) => {
      const expired = await tx.signature.findMany({ where: { state: 'pending', tokenExpiresAt: { lt: now } }, select: { id: true }, take: BATCH })
      const ids = expired.map((s) => s.id)
      await anonymiseEmails(tx, { signatureIds: ids })
      return (await tx.signature.deleteMany({ where: { id: { in: ids } } })).count
    })
    purged += count
    if (count < BATCH) return purged
  }
}
