// The map's seats, its colours and the figures laid onto them, on a real database.
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { insertSignature, outcome, routeArgs } from '~/admin/testing.server'
import { prisma } from '~/lib/db.server'
import { refreshCounts } from '~/petition/counts.server'
import { petitionJson } from '~/petition/public-counts.server'
import { loader as mapLoader } from '~/routes/map'
import { loader as seatLoader } from '~/routes/map-seat'
import { colourBands, colourOf, NONE_COLOUR } from '~/map/colour-scale'
import { HexMap } from '~/map/hex-map'
import { seatByCode, seats } from '~/map/seats.server'
import { searchSeats, supportMap } from '~/map/support.server'

const READING = 'E14001438'
const EDINBURGH_SOUTH = 'S14000080'
const CARDIFF_EAST = 'W07000089'

/**
 * The public counts are remembered for 2 s: move the clock past that. The fake clock only moves
 * forward across tests, so a figure cached at a later fake time in one test never outlives it in the next.
 */
let fakeNow = Date.now()
function afterCacheWindow() {
  fakeNow += 3_000
  vi.setSystemTime(fakeNow)
}

async function place(code: string, name: string, nation: string, signatures: number, state: 'validated' | 'invalidated' = 'validated') {
  await prisma.constituency.upsert({ where: { onsCode: code }, create: { onsCode: code, name, nameKey: name.toLowerCase(), nation }, update: {} })
  for (let i = 0; i < signatures; i++) await insertSignature({ constituencyCode: code, nation, locatedAt: new Date(), state })
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  afterCacheWindow()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "Mp", "ConstituencyCount", "PetitionCount", "Constituency" CASCADE`
  return () => vi.useRealTimers()
})

describe('the hex layout', () => {
  it('has the 650 seats, each once, by ONS code, in four nations', () => {
    expect(seats).toHaveLength(650)
    expect(new Set(seats.map((s) => s.onsCode)).size).toBe(650)
    expect(new Set(seats.map((s) => `${s.q},${s.r}`)).size).toBe(650)
    const perNation = Object.fromEntries(['England', 'Scotland', 'Wales', 'Northern Ireland'].map((n) => [n, seats.filter((s) => s.nation === n).length]))
    expect(perNation).toEqual({ England: 543, Scotland: 57, Wales: 32, 'Northern Ireland': 18 })
    expect(seatByCode(READING)).toMatchObject({ name: 'Reading Central', nation: 'England', q: 55, r: -37 })
    expect(seatByCode('W07000102')?.name).toBe('Montgomeryshire and Glyndŵr')
    expect(seatByCode('E99999999')).toBeUndefined()
    expect(seatByCode('e14001438')).toBeUndefined()
    expect(seatByCode('x'.repeat(100_000))).toBeUndefined()
  })

  it('finds seats by name without accents or case, and by code', () => {
    expect(searchSeats([...seats] as never, 'GLYNDWR').map((s) => s.onsCode)).toEqual(['W07000102'])
    expect(searchSeats([...seats] as never, 'reading').map((s) => s.name)).toEqual(['Reading Central', 'Reading West and Mid Berkshire'])
    expect(searchSeats([...seats] as never, 'e14001438').map((s) => s.name)).toEqual(['Reading Central'])
    expect(searchSeats([...seats] as never, '')).toHaveLength(650)
    expect(searchSeats([...seats] as never, 'no such place')).toEqual([])
  })
})

describe('the colour scale', () => {
  it('keeps "no signatures yet" apart from the lowest band, and goes darker as support grows', () => {
    expect(colourBands(0)).toEqual([])
    expect(colourOf(0, colourBands(3))).toBe(NONE_COLOUR)
    for (const max of [1, 3, 5, 6, 40, 1_000, 250_000]) {
      const bands = colourBands(max)
      expect(bands.length).toBeGreaterThan(0)
      expect(bands.length).toBeLessThanOrEqual(5)
      expect(bands.map((b) => b.colour)).not.toContain(NONE_COLOUR)
      expect(bands[0].from).toBe(1)
      expect(bands.at(-1)!.to).toBeNull()
      expect(bands.at(-1)!.colour).toBe('#440154')
      for (let i = 1; i < bands.length; i++) expect(bands[i].from).toBe(bands[i - 1].to! + 1)
      expect(colourOf(max, bands)).toBe(bands.at(-1)!.colour)
      expect(colourOf(1, bands)).toBe(bands[0].colour)
    }
    expect(colourBands(1_000).map((b) => [b.from, b.to])).toEqual([[1, 1], [2, 9], [10, 49], [50, 199], [200, null]])
  })
})

describe('support by seat', () => {
  it('lays the public counts onto the 650 seats by ONS code, with ranks, letters and nations', async () => {
    await place(READING, 'Reading Central', 'England', 3)
    await place(EDINBURGH_SOUTH, 'Edinburgh South', 'Scotland', 1)
    await place(CARDIFF_EAST, 'Cardiff East', 'Wales', 1)
    await place(CARDIFF_EAST, 'Cardiff East', 'Wales', 2, 'invalidated')
    await insertSignature({ constituencyCode: null, locatedAt: null }) // counted, not placed yet
    await insertSignature({ state: 'pending', constituencyCode: READING })
    await prisma.mp.create({ data: { id: 4654, name: 'Matt Rodda', fullTitle: 'Matt Rodda MP', party: 'Labour', constituencyName: 'Reading Central', constituencyKey: 'reading central', constituencyCode: READING } })
    await prisma.letter.createMany({
      data: [
        { mpId: 4654, constituencyCode: READING, name: 'A', email: 'a@example.org', emailKey: 'a@example.org', postcode: 'RG1 1AA', personalisation: 0.5, confirmedAt: new Date(), state: 'sent' },
        { mpId: 4654, constituencyCode: READING, name: 'B', email: 'b@example.org', emailKey: 'b@example.org', postcode: 'RG1 1AA', personalisation: 0.5, state: 'pending' },
        { mpId: 4654, constituencyCode: READING, name: 'C', email: 'c@example.org', emailKey: 'c@example.org', postcode: 'RG1 1AA', personalisation: 0.5, confirmedAt: new Date(), state: 'invalidated' },
      ],
    })
    await refreshCounts()
    afterCacheWindow()

    const map = await supportMap()
    expect(map.signatureCount).toBe(6)
    expect(map.seats).toHaveLength(650)
    const reading = map.seats.find((s) => s.onsCode === READING)!
    expect(reading).toMatchObject({ name: 'Reading Central', signatures: 3, letters: 1, rank: 1, tied: false })
    expect(map.seats.find((s) => s.onsCode === EDINBURGH_SOUTH)).toMatchObject({ signatures: 1, rank: 2, tied: true })
    expect(map.seats.find((s) => s.onsCode === 'S14000051')).toMatchObject({ name: 'Orkney and Shetland', signatures: 0, rank: 4, tied: true })
    expect(map.nations).toEqual([
      { name: 'England', seats: 543, signatures: 3, letters: 1 },
      { name: 'Scotland', seats: 57, signatures: 1, letters: 0 },
      { name: 'Wales', seats: 32, signatures: 1, letters: 0 },
      { name: 'Northern Ireland', seats: 18, signatures: 0, letters: 0 },
    ])

    // The same figures as /petition.json, whose integrity block says how the count is kept honest.
    const json = await petitionJson()
    expect(json.signatures_by_constituency.find((c) => c.ons_code === READING)?.signature_count).toBe(reading.signatures)
    expect(json.integrity).toEqual({ confirmed_by_email: true, struck_out: 2, placed_in_constituency: 5, not_placed: 1 })
    expect(Object.keys(json)).toEqual(['signature_count', 'updated_at', 'signatures_by_constituency', 'signatures_by_nation', 'integrity', 'paper_signatures'])
  })

  it('draws 650 linked hexes named with their counts', async () => {
    await place(READING, 'Reading Central', 'England', 2)
    await place(EDINBURGH_SOUTH, 'Edinburgh South', 'Scotland', 1)
    await refreshCounts()
    afterCacheWindow()
    const data = (await mapLoader(routeArgs(new Request('http://campaign.test/map')))) as Awaited<ReturnType<typeof mapLoader>>
    const html = renderToStaticMarkup(HexMap({ seats: data.seats, measure: 'signatures', title: 'Map', hrefOf: (c) => `/map/${c}`, skipTo: 'x' }))
    const links = [...html.matchAll(/<a href="\/map\/([A-Z]\d{8})" aria-label="([^"]+)"><title>([^<]+)<\/title><path d="[^"]+" fill="(#[0-9a-f]{6})"/g)]
    expect(links).toHaveLength(650)
    const unescape = (html: string) => html.replaceAll('&#x27;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')
    const byCode = new Map(links.map(([, code, label, title, fill]) => [code, { label: unescape(label), title: unescape(title), fill }]))
    expect(byCode.get(READING)).toEqual({ label: 'Reading Central: 2 signatures', title: 'Reading Central: 2 signatures', fill: '#440154' })
    expect(byCode.get(EDINBURGH_SOUTH)).toMatchObject({ label: 'Edinburgh South: 1 signature' })
    expect(byCode.get('S14000051')).toEqual({ label: 'Orkney and Shetland: no signatures yet', title: 'Orkney and Shetland: no signatures yet', fill: NONE_COLOUR })
    // Every seat's name comes from the layout, matched by code.
    for (const seat of seats) expect(byCode.get(seat.onsCode)!.label, seat.onsCode).toMatch(new RegExp(`^${seat.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `))
    expect(html).toContain('No signatures yet')

    // The table: every seat, most support first; the search narrows it, bounded.
    expect(data.rows.map((r) => r.onsCode).slice(0, 2)).toEqual([READING, EDINBURGH_SOUTH])
    const searched = (await mapLoader(routeArgs(new Request('http://campaign.test/map?q=edinburgh')))) as Awaited<ReturnType<typeof mapLoader>>
    expect(searched.rows.map((r) => r.name)).toEqual(['Edinburgh South', 'Edinburgh East and Musselburgh', 'Edinburgh North and Leith', 'Edinburgh South West', 'Edinburgh West'])
    const long = (await mapLoader(routeArgs(new Request(`http://campaign.test/map?q=${'a'.repeat(50_000)}`)))) as Awaited<ReturnType<typeof mapLoader>>
    expect(long.q).toHaveLength(100)
  })
})

describe('a seat page', () => {
  it('shows the seat, its MP (by code, else by the directory’s name key), count, rank and letters; unknown codes are 404', async () => {
    await place(READING, 'Reading Central', 'England', 2)
    await prisma.mp.create({ data: { id: 4654, name: 'Matt Rodda', fullTitle: 'Matt Rodda MP', party: 'Labour', constituencyName: 'Reading Central', constituencyKey: 'reading central', constituencyCode: READING } })
    // Known to the directory by name only: nobody there has been located yet.
    await prisma.mp.create({ data: { id: 467, name: 'Sir Lindsay Hoyle', fullTitle: 'Rt Hon Sir Lindsay Hoyle MP', party: 'Speaker', constituencyName: 'Chorley', constituencyKey: 'chorley' } })
    await refreshCounts()
    afterCacheWindow()

    const reading = (await seatLoader(routeArgs(new Request(`http://campaign.test/map/${READING}`), { onsCode: READING }))) as Awaited<ReturnType<typeof seatLoader>>
    expect(reading.seat).toMatchObject({ name: 'Reading Central', nation: 'England', signatures: 2, rank: 1, letters: 0 })
    expect(reading.mp).toEqual({ name: 'Matt Rodda', party: 'Labour', profileUrl: 'https://members.parliament.uk/member/4654/contact' })
    expect(reading.share).toMatchObject({ url: `http://campaign.test/map/${READING}`, image: `http://campaign.test/og/seat-${READING}.png?n=2` })

    const chorley = (await seatLoader(routeArgs(new Request('http://campaign.test/map/E14001170'), { onsCode: 'E14001170' }))) as Awaited<ReturnType<typeof seatLoader>>
    expect(chorley.mp?.name).toBe('Sir Lindsay Hoyle')
    const vacant = (await seatLoader(routeArgs(new Request('http://campaign.test/map/E14001162'), { onsCode: 'E14001162' }))) as Awaited<ReturnType<typeof seatLoader>>
    expect(vacant.mp).toBeNull()

    for (const code of ['E99999999', 'reading', '<script>', 'E14001438x']) {
      expect((await outcome(() => seatLoader(routeArgs(new Request(`http://campaign.test/map/x`), { onsCode: code })))).status, code).toBe(404)
    }
  })
})
