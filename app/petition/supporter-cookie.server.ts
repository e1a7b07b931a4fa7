// After confirming, a short-lived signed cookie remembers which signature is
// theirs, so "email your MP" can fill in their name, email and postcode.
import { siteCookie } from '~/lib/cookie.server'
import { prisma } from '~/lib/db.server'

const ONE_DAY = 24 * 3600

function cookie() {
  return siteCookie('supporter', { maxAgeSeconds: ONE_DAY, signed: true })
}

export function rememberSupporter(signatureId: string) {
  return cookie().serialize({ signatureId })
}

export interface KnownSupporter {
  name: string
  email: string
  postcode: string
}

/** The signature this browser confirmed lately (the signed cookie's id; check its state before trusting it). */
export async function supporterSignatureId(request: Request): Promise<string | null> {
  const value = (await cookie().parse(request.headers.get('cookie'))) as { signatureId?: unknown } | null
  return typeof value?.signatureId === 'string' ? value.signatureId : null
}

/** The confirmed signer behind this browser, if it has just confirmed. */
export async function knownSupporter(request: Request): Promise<KnownSupporter | null> {
  const signatureId = await supporterSignatureId(request)
  if (!signatureId) return null
  return prisma.signature.findFirst({
    where: { id: signatureId, state: 'validated' },
    select: { name: true, email: true, postcode: true },
  })
}
