// Each confirmed signer's own share link, APP_URL/?ref=<code>: the code is random (50 bits from
// crypto randomness, in lower-case base32), never derived from anything about them, so the link
// says nothing about who shared it. The thanks page tells them how many people signed through
// it, without naming anyone (decision 105).
import crypto from 'node:crypto'
import { col, sql } from '~/lib/sql.server'
import { env } from '~/lib/env.server'
import { supporterSignatureId } from './supporter-cookie.server'
import { signatureState } from '~/lib/sql-enums.server'

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'
export const REFERRAL_CODE_LENGTH = 10

/** 10 characters of base32 (5 bits each) from crypto.randomBytes. */
export function newReferralCode(): string {
  const bytes = crypto.randomBytes(REFERRAL_CODE_LENGTH)
  let code = ''
  for (const byte of bytes) code += BASE32[byte & 31]
  return code
}

export function referralUrl(code: string) {
  return `${env().APP_URL}/?ref=${code}`
}

export interface ReferralLink {
  url: string
  /** Confirmed signatures (not struck out) made through the link. */
  signedThrough: number
}

/** The share link of the signer who has just confirmed in this browser (the supporter cookie), if any. */
export async function referralLinkFor(request: Request): Promise<ReferralLink | null> {
  const signatureId = await supporterSignatureId(request)
  if (!signatureId) return null
  const [row] = await sql.rows({ code: col.string, signed: col.number })`
    SELECT s."referralCode" AS code,
           (SELECT count(*)::int FROM "Signature" r WHERE r."referredBy" = s."referralCode" AND r.state = ${signatureState.validated}) AS signed
    FROM "Signature" s
    WHERE s.id = ${signatureId}::uuid AND s.state = ${signatureState.validated} AND s."referralCode" IS NOT NULL`
  return row ? { url: referralUrl(row.code), signedThrough: row.signed } : null
}
