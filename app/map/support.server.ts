// Support by seat for the map, the seat pages and the dashboard: the counts of
// /petition.json (and letters confirmed) laid onto the 650 seats of the hex
// layout, joined on the ONS code.
import { constituencyNameKey } from '~/constituencies/constituencies.server'
import { prisma } from '~/lib/db.server'
import { memberProfileUrl } from '~/mps/members-api.server'
import { lettersByConstituency, petitionJson, type PetitionJson } from '~/petition/public-counts.server'
import { rankSeats } from './rank'
import { seatByCode, seats, type Nation, type Seat } from './seats.server'

export interface SeatSupport extends Seat {
  signatures: number
  letters: number
  /** 1 = most signatures; seats with the same count share a rank. */
  rank: number
  /** Another seat has the same count (a joint rank). */
  tied: boolean
}

export interface SupportMap {
  updatedAt: string
  signatureCount: number
  /** Every seat, by name. */
  seats: SeatSupport[]
  nations: { name: Nation; seats: number; signatures: number; letters: number }[]
}

const NATIONS: Nation[] = ['England', 'Scotland', 'Wales', 'Northern Ireland']

function buildSupportMap(json: PetitionJson, letters: Map<string, number>): SupportMap {
  const signaturesIn = new Map(json.signatures_by_constituency.map((c) => [c.ons_code, c.signature_count]))
  const counts = seats.map((s) => signaturesIn.get(s.onsCode) ?? 0)
  const ranks = rankSeats(counts)
  const withSupport = seats.map((s, i) => ({
    ...s,
    signatures: counts[i],
    letters: letters.get(s.onsCode) ?? 0,
    ...ranks[i],
  }))
  const nations = NATIONS.map((name) => {
    const inNation = withSupport.filter((s) => s.nation === name)
    return {
      name,
      seats: inNation.length,
      signatures: inNation.reduce((sum, s) => sum + s.signatures, 0),
      letters: inNation.reduce((sum, s) => sum + s.letters, 0),
    }
  })
  return { updatedAt: json.updated_at, signatureCount: json.signature_count, seats: withSupport, nations }
}

let built: { json: PetitionJson; letters: Map<string, number>; map: SupportMap } | undefined

/** Rebuilt only when the cached public counts it comes from change (every few seconds at most). */
export async function supportMap(): Promise<SupportMap> {
  const [json, letters] = await Promise.all([petitionJson(), lettersByConstituency()])
  if (built?.json !== json || built.letters !== letters) built = { json, letters, map: buildSupportMap(json, letters) }
  return built.map
}

export interface SeatMp {
  name: string
  party: string
  profileUrl: string
}

export interface SeatPage {
  seat: SeatSupport
  /** Null when the MP directory lists nobody for this seat (vacant, or not synced yet). */
  mp: SeatMp | null
  /** Calls supporters said they made to the seat's MP ("I called" on /write). */
  calls: number
  signatureCount: number
  updatedAt: string
}

const MP_CACHE_MS = 60_000
const mps = new Map<string, { at: number; mp: Promise<SeatMp | null> }>()

/**
 * The seat's sitting MP. The directory links an MP to an ONS code once postcodes.io has named
 * the seat (decision 010); until then it knows the seat by its normalised name only, so that
 * is the fallback, using the directory's own matching rule.
 */
async function findMp(seat: Seat): Promise<SeatMp | null> {
  const mp =
    (await prisma.mp.findFirst({ where: { status: 'current', constituencyCode: seat.onsCode } })) ??
    (await prisma.mp.findFirst({ where: { status: 'current', constituencyCode: null, constituencyKey: constituencyNameKey(seat.name) } }))
  return mp ? { name: mp.name, party: mp.party, profileUrl: memberProfileUrl(mp.id) } : null
}

function mpOf(seat: Seat): Promise<SeatMp | null> {
  const cached = mps.get(seat.onsCode)
  if (cached && Date.now() - cached.at < MP_CACHE_MS) return cached.mp
  const mp = findMp(seat)
  // At most 650 entries: one per seat.
  mps.set(seat.onsCode, { at: Date.now(), mp })
  mp.catch(() => mps.delete(seat.onsCode))
  return mp
}

/** One seat's page, or null when no seat has this code. */
export async function seatPage(code: string): Promise<SeatPage | null> {
  const seat = seatByCode(code)
  if (!seat) return null
  const [map, mp, calls] = await Promise.all([supportMap(), mpOf(seat), prisma.call.count({ where: { constituencyCode: seat.onsCode, strikeOutId: null } })])
  return { seat: map.seats.find((s) => s.onsCode === seat.onsCode)!, mp, calls, signatureCount: map.signatureCount, updatedAt: map.updatedAt }
}

/** Seats whose name or code contains the search (accents and case ignored), by name. */
export function searchSeats(all: SeatSupport[], search: string): SeatSupport[] {
  const key = constituencyNameKey(search.slice(0, 100))
  if (!key) return all
  const code = search.trim().toUpperCase()
  return all.filter((s) => constituencyNameKey(s.name).includes(key) || s.onsCode.includes(code))
}
