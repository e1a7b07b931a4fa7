// The hex map of the 650 constituencies as server-rendered SVG: each hex is a
// link named "<seat>: <n> signatures", so it works without JavaScript and with
// a screen reader or a keyboard. The legend and nation totals are plain HTML.
import { fill } from '~/i18n/language'
import { formatNumber } from '~/lib/format'
import { colourBands, colourOf, NONE_COLOUR, type Band } from './colour-scale'
import type { Nation } from './seats.server'

export interface HexSeat {
  onsCode: string
  name: string
  nation: string
  q: number
  r: number
  value: number
}

export type Measure = 'signatures' | 'letters'

/**
 * The map's words in the page's language (decision 110): the catalogue's `hexMap` section (app/i18n), handed to
 * the page as loader data. English when not given (the dashboard's map).
 */
export interface HexMapWords {
  skip: string
  signaturesNone: string
  signaturesOne: string
  signaturesMany: string
  lettersNone: string
  lettersOne: string
  lettersMany: string
  legendSignatures: string
  legendLetters: string
  legendNoSignatures: string
  legendNoLetters: string
  orMore: string
  range: string
  credit: string
  licence: string
  /** The nations' names; seats keep their English `nation` (it places the labels). */
  nations: Record<Nation, string>
}

/** The English words: the catalogue's English `hexMap` section is this (one copy). */
export const ENGLISH_MAP_WORDS: HexMapWords = {
  skip: 'Skip the map: go to the table of all {count} constituencies',
  signaturesNone: 'no signatures yet',
  signaturesOne: '{count} signature',
  signaturesMany: '{count} signatures',
  lettersNone: 'no letters yet',
  lettersOne: '{count} letter',
  lettersMany: '{count} letters',
  legendSignatures: 'Confirmed signatures per constituency',
  legendLetters: 'Letters to MPs per constituency',
  legendNoSignatures: 'No signatures yet',
  legendNoLetters: 'No letters yet',
  orMore: '{from} or more',
  range: '{from} to {to}',
  credit: 'Hex layout:',
  licence: 'MIT licence, Copyright (c) 2017- Open Innovations.',
  nations: { England: 'England', Scotland: 'Scotland', Wales: 'Wales', 'Northern Ireland': 'Northern Ireland' },
}

export function describeCount(value: number, measure: Measure, words: HexMapWords = ENGLISH_MAP_WORDS) {
  const [none, one, many] =
    measure === 'signatures' ? [words.signaturesNone, words.signaturesOne, words.signaturesMany] : [words.lettersNone, words.lettersOne, words.lettersMany]
  if (value === 0) return none
  return fill(value === 1 ? one : many, { count: formatNumber(value) })
}

/** Centre-to-corner size in SVG units; pointy-topped hexes. */
const SIZE = 10
const WIDTH = Math.sqrt(3) * SIZE
const round = (n: number) => Math.round(n * 100) / 100

/** Room beside the hexes for the nations' names. */
const MARGIN = 72

/** HexJSON "odd-r": odd rows (r & 1, which also holds for negative r) sit half a hex to the right; r grows northwards. */
function layout(seats: HexSeat[]) {
  const qs = seats.map((s) => s.q)
  const rs = seats.map((s) => s.r)
  const [minQ, maxQ, minR, maxR] = [Math.min(...qs), Math.max(...qs), Math.min(...rs), Math.max(...rs)]
  const centre = (s: HexSeat) => ({
    x: round(MARGIN + (s.q - minQ) * WIDTH + ((s.r & 1) === 1 ? WIDTH / 2 : 0) + WIDTH / 2),
    y: round((maxR - s.r) * 1.5 * SIZE + SIZE + 24),
  })
  return { centre, width: round(2 * MARGIN + (maxQ - minQ + 1.5) * WIDTH), height: round((maxR - minR) * 1.5 * SIZE + 2 * SIZE + 28) }
}

const hexPath = (x: number, y: number) =>
  `M${x},${round(y - SIZE)}l${round(WIDTH / 2)},${SIZE / 2}v${SIZE}l${round(-WIDTH / 2)},${SIZE / 2}l${round(-WIDTH / 2)},${-SIZE / 2}v${-SIZE}z`

export function HexMap({
  seats,
  measure,
  title,
  hrefOf,
  skipTo,
  words = ENGLISH_MAP_WORDS,
}: {
  seats: HexSeat[]
  measure: Measure
  /** Names the map for assistive technology. */
  title: string
  hrefOf: (onsCode: string) => string
  /** The id of what follows the map (its table), for a "skip the map" link past 650 hexes. */
  skipTo: string
  words?: HexMapWords
}) {
  const bands = colourBands(Math.max(0, ...seats.map((s) => s.value)))
  const { centre, width, height } = layout(seats)
  const labels = nationLabels(seats, centre)
  return (
    <div>
      <a href={`#${skipTo}`} className="sr-only focus:not-sr-only">
        {fill(words.skip, { count: seats.length })}
      </a>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        // One rule for all 650 hexes (not 650 class lists): a hovered or focused hex gets a heavy dark outline.
        className="h-auto w-full max-w-2xl [&_a:focus-visible_path]:stroke-ink [&_a:focus-visible_path]:[stroke-width:3] [&_a:hover_path]:stroke-ink [&_a:hover_path]:[stroke-width:2]"
        role="group"
        aria-label={title}
      >
        <g stroke="#767680" strokeWidth={0.8}>
          {seats.map((seat) => {
            const { x, y } = centre(seat)
            const name = `${seat.name}: ${describeCount(seat.value, measure, words)}`
            return (
              <a key={seat.onsCode} href={hrefOf(seat.onsCode)} aria-label={name}>
                <title>{name}</title>
                <path d={hexPath(x, y)} fill={colourOf(seat.value, bands)} />
              </a>
            )
          })}
        </g>
        {labels.map((l) => (
          <text key={l.name} x={l.x} y={l.y} textAnchor={l.anchor} fontSize={14} fontWeight={700} fill="#1b1b1f" aria-hidden="true">
            {words.nations[l.name as Nation] ?? l.name}
          </text>
        ))}
      </svg>
      <MapLegend bands={bands} measure={measure} words={words} />
    </div>
  )
}

type Point = { x: number; y: number }

/** Where each nation's name goes, beside its own hexes. */
const LABEL_SIDE: Record<string, 'left' | 'right' | 'above'> = { Scotland: 'left', England: 'right', Wales: 'left', 'Northern Ireland': 'above' }

function nationLabels(seats: HexSeat[], centre: (s: HexSeat) => Point) {
  const byNation = new Map<string, Point[]>()
  for (const seat of seats) byNation.set(seat.nation, [...(byNation.get(seat.nation) ?? []), centre(seat)])
  return [...byNation].map(([name, points]) => {
    const xs = points.map((p) => p.x)
    const ys = points.map((p) => p.y)
    const [top, bottom] = [Math.min(...ys), Math.max(...ys)]
    const side = LABEL_SIDE[name] ?? 'left'
    if (side === 'above') return { name, x: round((Math.min(...xs) + Math.max(...xs)) / 2), y: round(top - SIZE - 6), anchor: 'middle' as const }
    // Beside the nation's northern third, clear of its outermost hex there.
    const band = points.filter((p) => p.y <= top + (bottom - top) / 3)
    const row = side === 'left' ? band.reduce((a, b) => (b.x < a.x ? b : a)) : band.reduce((a, b) => (b.x > a.x ? b : a))
    return side === 'left'
      ? { name, x: round(row.x - WIDTH), y: round(row.y + 5), anchor: 'end' as const }
      : { name, x: round(row.x + WIDTH), y: round(row.y + 5), anchor: 'start' as const }
  })
}

export function MapLegend({ bands, measure, words = ENGLISH_MAP_WORDS }: { bands: Band[]; measure: Measure; words?: HexMapWords }) {
  return (
    <div className="mt-3">
      <p className="font-semibold" id="map-legend-title">
        {measure === 'signatures' ? words.legendSignatures : words.legendLetters}
      </p>
      <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-labelledby="map-legend-title">
        <li className="flex items-center gap-2">
          <Swatch colour={NONE_COLOUR} />
          {measure === 'signatures' ? words.legendNoSignatures : words.legendNoLetters}
        </li>
        {bands.map((band) => (
          <li key={band.from} className="flex items-center gap-2">
            <Swatch colour={band.colour} />
            {band.to === null
              ? fill(words.orMore, { from: formatNumber(band.from) })
              : band.to === band.from
                ? formatNumber(band.from)
                : fill(words.range, { from: formatNumber(band.from), to: formatNumber(band.to) })}
          </li>
        ))}
      </ul>
    </div>
  )
}

function Swatch({ colour }: { colour: string }) {
  return (
    <svg width="20" height="22" viewBox="0 0 20 22" aria-hidden="true">
      <path d="M10,1l9,5v10l-9,5l-9,-5v-10z" fill={colour} stroke="#767680" strokeWidth="1.5" />
    </svg>
  )
}

export function HexCredit({ words = ENGLISH_MAP_WORDS }: { words?: HexMapWords }) {
  return (
    <p className="mt-2 text-sm text-ink-muted">
      {words.credit} <a href="https://github.com/odileeds/hexmaps">Open Innovations</a>, {words.licence}
    </p>
  )
}
