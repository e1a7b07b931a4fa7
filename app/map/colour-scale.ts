// The map's colours: a sequential, colour-blind-safe scale (viridis, light to
// dark as support grows) in at most five bands, and a clearly different white
// for seats with nothing yet.

/** Viridis, reversed so that more support is darker on a white page. */
const PALETTE = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154']
export const NONE_COLOUR = '#ffffff'

export interface Band {
  from: number
  /** Inclusive; null for the top band ("or more"). */
  to: number | null
  colour: string
}

/** The largest 1, 2 or 5 × 10ⁿ not above n (n ≥ 1). */
function niceFloor(n: number) {
  const magnitude = 10 ** Math.floor(Math.log10(n))
  return [5, 2, 1].map((m) => m * magnitude).find((step) => step <= n) ?? magnitude
}

/**
 * Bands for counts from 1 to `max`: one per value up to 5, otherwise five bands
 * spaced evenly on a log scale (counts by seat span orders of magnitude).
 */
export function colourBands(max: number): Band[] {
  if (max < 1) return []
  const starts =
    max <= PALETTE.length
      ? Array.from({ length: max }, (_, i) => i + 1)
      : [...new Set([1, ...[1, 2, 3, 4].map((i) => niceFloor(max ** (i / PALETTE.length)))])].sort((a, b) => a - b)
  // Spread the bands over the palette so that the top band is always the darkest.
  const offset = PALETTE.length - starts.length
  return starts.map((from, i) => ({ from, to: i + 1 < starts.length ? starts[i + 1] - 1 : null, colour: PALETTE[offset + i] }))
}

export function colourOf(value: number, bands: Band[]): string {
  if (value < 1) return NONE_COLOUR
  let colour = NONE_COLOUR
  for (const band of bands) if (value >= band.from) colour = band.colour
  return colour
}
