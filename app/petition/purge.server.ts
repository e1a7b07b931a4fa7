import { prisma } from '~/lib/db.server'

/** Signatures never confirmed are personal data we have no reason to keep: gone once their link expires. */
export async function purgeUnconfirmedSignatures(now = new Date()) {
  const { count } = await prisma.signature.deleteMany({ where: { state: 'pending', tokenExpiresAt: { lt: now } } })
  return count
}
