// Postcode → postcodes.io → constituency (2024 boundaries) → MP, with a clear
// answer for every case a supporter can meet.
import { constituencyNameKey } from '~/constituencies/constituencies.server'
import { lookupPostcode, PostcodeServiceError, type PostcodePlace } from '~/constituencies/postcodes-io.server'
import { Prisma, type Mp } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { memberProfileUrl } from './members-api.server'

export interface MpSummary {
  id: number
  name: string
  fullTitle: string
  party: string
  postalAddress: string | null
  profileUrl: string
  /** Normalised office phone numbers (app/mps/phone.ts); null when the MP lists none. */
  westminsterPhone: string | null
  constituencyPhone: string | null
}

export interface Seat {
  code: string
  name: string
}

export type MpLookup =
  | { status: 'found'; postcode: string; town: string | null; seat: Seat; mp: MpSummary; email: string }
  | { status: 'unknown-postcode'; postcode: string }
  /** A real postcode outside Westminster's constituencies: Jersey, Guernsey, the Isle of Man. */
  | { status: 'no-constituency'; postcode: string; area: string | null }
  | { status: 'vacant'; postcode: string; seat: Seat }
  | { status: 'no-email'; postcode: string; seat: Seat; mp: MpSummary }
  | { status: 'switched-off'; postcode: string; seat: Seat; mp: MpSummary; reason: string | null }
  /** postcodes.io failed, or the MP directory has never been synced: try again later. */
  | { status: 'unavailable' }

export function summarise(mp: Mp): MpSummary {
  return {
    id: mp.id,
    name: mp.name,
    fullTitle: mp.fullTitle,
    party: mp.party,
    postalAddress: mp.postalAddress,
    profileUrl: memberProfileUrl(mp.id),
    westminsterPhone: mp.westminsterPhone,
    constituencyPhone: mp.constituencyPhone,
  }
}

/**
 * Where letters to this MP go: a campaigner's override wins. While the address is flagged as
 * bouncing (Mp.emailBouncedAt) supporters can still write: their letters are held until it is fixed.
 */
export function letterAddress(mp: Pick<Mp, 'email' | 'emailOverride'>): string | null {
  return mp.emailOverride ?? mp.email
}

/** Places change rarely: keep postcodes.io's answers for a while, so one letter is one lookup. */
const PLACE_CACHE_MS = 10 * 60_000
const PLACE_CACHE_SIZE = 5_000
const places = new Map<string, { at: number; place: PostcodePlace | null }>()

async function placeOf(postcode: string): Promise<PostcodePlace | null> {
  const cached = places.get(postcode)
  if (cached && Date.now() - cached.at < PLACE_CACHE_MS) return cached.place
  const place = await lookupPostcode(postcode)
  if (places.size >= PLACE_CACHE_SIZE) places.delete(places.keys().next().value!)
  places.set(postcode, { at: Date.now(), place })
  return place
}

/** The Constituency row for postcodes.io's seat (created on first sight), matched on ONS code, then on name. */
async function seatOf(place: { code: string; name: string; nation: string }) {
  const nameKey = constituencyNameKey(place.name)
  const found =
    (await prisma.constituency.findUnique({ where: { onsCode: place.code } })) ??
    (await prisma.constituency.findUnique({ where: { nameKey } }))
  if (found) return found
  try {
    return await prisma.constituency.create({ data: { onsCode: place.code, name: place.name, nameKey, nation: place.nation } })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return prisma.constituency.findFirstOrThrow({ where: { OR: [{ onsCode: place.code }, { nameKey }] } })
    }
    throw error
  }
}

/** `postcode` is already validated and normalised (supporter-fields `postcode`). */
export async function findMp(postcode: string): Promise<MpLookup> {
  let place: PostcodePlace | null
  try {
    place = await placeOf(postcode)
  } catch (error) {
    if (error instanceof PostcodeServiceError) return { status: 'unavailable' }
    throw error
  }
  if (!place) return { status: 'unknown-postcode', postcode }
  if (!place.constituencyCode || !place.constituencyName) {
    return { status: 'no-constituency', postcode: place.postcode, area: place.town ?? place.nation }
  }

  const constituency = await seatOf({ code: place.constituencyCode, name: place.constituencyName, nation: place.nation ?? 'Unknown' })
  const seat = { code: constituency.onsCode, name: constituency.name }
  const mp = await prisma.mp.findFirst({
    where: { status: 'current', OR: [{ constituencyCode: constituency.onsCode }, { constituencyKey: constituency.nameKey }] },
    orderBy: { syncedAt: 'desc' },
  })
  if (!mp) {
    const directorySynced = (await prisma.mp.count({ where: { status: 'current' } })) > 0
    return directorySynced ? { status: 'vacant', postcode: place.postcode, seat } : { status: 'unavailable' }
  }
  if (!mp.constituencyCode) {
    // First time postcodes.io names this seat: remember its ONS code on the MP.
    await prisma.mp.updateMany({ where: { id: mp.id, constituencyCode: null }, data: { constituencyCode: constituency.onsCode } }).catch(() => {})
  }
  const summary = summarise(mp)
  if (!mp.targetEnabled) return { status: 'switched-off', postcode: place.postcode, seat, mp: summary, reason: mp.targetDisabledReason }
  const email = letterAddress(mp)
  if (!email) return { status: 'no-email', postcode: place.postcode, seat, mp: summary }
  return { status: 'found', postcode: place.postcode, town: place.town, seat, mp: summary, email }
}

/** For tests: forget cached postcodes.io answers. */
export function forgetPlaces() {
  places.clear()
}
