// The 650 Westminster seats as the map draws them: Open Innovations' 2024 hex
// layout (see constituency-hexes-2024.md beside it), bundled into the server
// build, checked once at start. Seats are known by their ONS code, never by name.
import { z } from 'zod'
import hexJson from './constituency-hexes-2024.hexjson?raw'

export type Nation = 'England' | 'Scotland' | 'Wales' | 'Northern Ireland'

export interface Seat {
  onsCode: string
  name: string
  nation: Nation
  /** Hex column and row (HexJSON "odd-r": r grows northwards). */
  q: number
  r: number
}

export const SEAT_COUNT = 650
/** Westminster constituency codes: E14 England, S14 Scotland, W07 Wales, N05 Northern Ireland. */
const ONS_CODE = /^[ENSW]\d{8}$/

const hexFile = z.object({
  layout: z.literal('odd-r'),
  hexes: z.record(
    z.string().regex(ONS_CODE),
    z.object({ n: z.string().min(1), q: z.number().int(), r: z.number().int(), region: z.string() }),
  ),
})

function nationOf(region: string): Nation {
  if (region === 'S92000003') return 'Scotland'
  if (region === 'W92000004') return 'Wales'
  if (region === 'N92000002') return 'Northern Ireland'
  if (region.startsWith('E12')) return 'England'
  throw new Error(`constituency-hexes-2024.hexjson: unknown region ${region}`)
}

function loadSeats(): Seat[] {
  const { hexes } = hexFile.parse(JSON.parse(hexJson))
  const seats = Object.entries(hexes).map(([onsCode, h]) => ({ onsCode, name: h.n, nation: nationOf(h.region), q: h.q, r: h.r }))
  if (seats.length !== SEAT_COUNT) throw new Error(`constituency-hexes-2024.hexjson: ${seats.length} seats, expected ${SEAT_COUNT}`)
  return seats.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
}

/** Every seat, by name. */
export const seats: readonly Seat[] = loadSeats()

const byCode = new Map(seats.map((s) => [s.onsCode, s]))

/** The seat with this ONS code; undefined for anything else (checked before any lookup). */
export function seatByCode(code: string): Seat | undefined {
  return code.length === 9 && ONS_CODE.test(code) ? byCode.get(code) : undefined
}
