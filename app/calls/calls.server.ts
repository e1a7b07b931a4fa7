// Calling your MP: what the /write page offers next to the letter (the MP's office
// numbers and the campaign's script), and "I called", which counts a call for the
// MP's seat. A call row holds the MP, the seat's ONS code and the time — nothing
// about the caller, so there is nothing to export, erase or anonymise (decision 113).
import { z } from 'zod'
import type { Language } from '~/i18n/language'
import { prisma } from '~/lib/db.server'
import { consume } from '~/lib/rate-limit.server'
import type { MpSummary, Seat } from '~/mps/lookup.server'
import { mergeScript } from './script'
import { callScript } from './script.server'

export interface CallOffer {
  mpId: number
  mpName: string
  seatCode: string
  seatName: string
  westminsterPhone: string | null
  constituencyPhone: string | null
  /** Parliament's contact page for the MP: where to look when they list no number. */
  profileUrl: string
  /** The campaign's script, merged for this MP and seat (plain text). */
  script: string
}

/** `language`: the page's; a Welsh page shows the Welsh script. */
export async function callOffer(mp: MpSummary, seat: Seat, language: Language = 'en'): Promise<CallOffer> {
  return {
    mpId: mp.id,
    mpName: mp.name,
    seatCode: seat.code,
    seatName: seat.name,
    westminsterPhone: mp.westminsterPhone,
    constituencyPhone: mp.constituencyPhone,
    profileUrl: mp.profileUrl,
    script: mergeScript(await callScript(language), { mpName: mp.name, constituency: seat.name }),
  }
}

/** The "I called" form: which MP and seat, both from the page (no personal data). */
export const calledSchema = z.object({
  mpId: z.coerce.number({ invalid_type_error: 'Which MP?' }).int().positive().max(1_000_000),
  seat: z.string().trim().regex(/^[A-Z]\d{8}$/, 'Which seat?'),
})

export type CalledInput = z.output<typeof calledSchema>

export type CallOutcome =
  | { status: 'recorded'; mpId: number }
  | { status: 'unknown-mp' }
  | { status: 'rate-limited'; retryAfterSeconds: number }

/**
 * Counts one call to a current MP for their seat. The seat must be the MP's (by ONS code, or by
 * name while the MP's code is not yet known), so a forged form cannot count calls to another seat's MP.
 */
export async function recordCall(input: CalledInput, meta: { ipAddress: string }): Promise<CallOutcome> {
  const [mp, seat] = await Promise.all([
    prisma.mp.findUnique({ where: { id: input.mpId }, select: { id: true, status: true, constituencyCode: true, constituencyKey: true } }),
    prisma.constituency.findUnique({ where: { onsCode: input.seat }, select: { onsCode: true, nameKey: true } }),
  ])
  const matches = mp?.status === 'current' && seat && (mp.constituencyCode ? mp.constituencyCode === seat.onsCode : mp.constituencyKey === seat.nameKey)
  if (!mp || !seat || !matches) return { status: 'unknown-mp' }
  const decision = await consume('callsPerIp', meta.ipAddress)
  if (!decision.allowed) return { status: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds }
  await prisma.call.create({ data: { mpId: mp.id, constituencyCode: seat.onsCode } })
  return { status: 'recorded', mpId: mp.id }
}

/** The thank-you page's MP and seat (public facts), or null for an unknown id. */
export async function calledMp(mpId: number) {
  if (!Number.isSafeInteger(mpId) || mpId <= 0) return null
  const mp = await prisma.mp.findUnique({ where: { id: mpId }, select: { name: true, constituencyCode: true, constituencyName: true, constituency: { select: { name: true } } } })
  if (!mp) return null
  return { name: mp.name, seatName: mp.constituency?.name ?? mp.constituencyName ?? null, seatCode: mp.constituencyCode }
}
