// The public pages beyond the signing journey in Welsh (decision 110, issue 11): the map's and a seat page's
// words and links by the page's language, the same numbers in both, and the data link's email in the language of
// the page it was asked for on. Real database, the real Resend SDK against its stub.
import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { insertSignature, routeArgs } from '~/admin/testing.server'
import { RichText } from '~/components/rich-text'
import { deliverAllDue } from '~/emails/outbox.server'
import { prisma } from '~/lib/db.server'
import { HexMap } from '~/map/hex-map'
import { refreshCounts } from '~/petition/counts.server'
import { loader as mapLoader } from '~/routes/map'
import { loader as seatLoader } from '~/routes/map-seat'
import { loader as embedLoader } from '~/routes/embed'
import { action as embedSignAction, loader as embedSignLoader } from '~/routes/embed-sign'
import { action as myDataAction } from '~/routes/my-data'
import { action as eraseAction } from '~/routes/my-data-token'
import { testContext } from '~/testing/context'

const CARDIFF_EAST = 'W07000089'

let fakeNow = Date.now()
function afterCacheWindow() {
  fakeNow += 3_000
  vi.setSystemTime(fakeNow)
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "Mp", "ConstituencyCount", "PetitionCount", "Constituency", "RateLimit" CASCADE`
})

function post(url: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields)
  return new Request(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
}

describe('the map in Welsh', () => {
  // The public counts are remembered for 2 s: the map's figures are read past that window.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    afterCacheWindow()
    return () => vi.useRealTimers()
  })

  it('/cy/map names the nations and the counts in Welsh, links within /cy, and shows the same numbers as /map', async () => {
    await prisma.constituency.create({ data: { onsCode: CARDIFF_EAST, name: 'Cardiff East', nameKey: 'cardiff east', nation: 'Wales' } })
    for (let i = 0; i < 3; i++) await insertSignature({ constituencyCode: CARDIFF_EAST, nation: 'Wales', locatedAt: new Date(), state: 'validated' })
    await refreshCounts()
    afterCacheWindow()

    type MapData = Awaited<ReturnType<typeof mapLoader>>
    const welsh = (await mapLoader(routeArgs(new Request('http://campaign.test/cy/map')))) as MapData
    const english = (await mapLoader(routeArgs(new Request('http://campaign.test/map')))) as MapData
    expect(welsh.language).toBe('cy')
    expect(welsh.t.heading).toBe('Cefnogaeth ym mhob etholaeth')
    expect(english.t.heading).toBe('Support in every constituency')
    expect(welsh.mapWords.nations).toEqual({ England: 'Lloegr', Scotland: 'Yr Alban', Wales: 'Cymru', 'Northern Ireland': 'Gogledd Iwerddon' })
    // Same figures, whatever the language.
    expect(welsh.nations).toEqual(english.nations)
    expect(welsh.rows.map((r) => [r.onsCode, r.signatures])).toEqual(english.rows.map((r) => [r.onsCode, r.signatures]))
    expect(welsh.share.url).toBe('http://campaign.test/cy/map')

    const html = renderToStaticMarkup(
      HexMap({ seats: welsh.seats, measure: 'signatures', title: welsh.t.mapTitle, hrefOf: (c) => `/cy/map/${c}`, skipTo: 'x', words: welsh.mapWords }),
    )
    // The constituency keeps its official name; the count is in Welsh; the link stays in Welsh.
    expect(html).toContain(`<a href="/cy/map/${CARDIFF_EAST}" aria-label="Cardiff East: 3 o lofnodion"><title>Cardiff East: 3 o lofnodion</title>`)
    expect(html).toContain('aria-label="Orkney and Shetland: dim llofnodion eto"')
    expect(html).toContain('>Cymru</text>')
    expect(html).toContain('Llofnodion wedi’u cadarnhau ym mhob etholaeth')
    expect(html).not.toMatch(/signatures|England</)

    type SeatData = Awaited<ReturnType<typeof seatLoader>>
    const seat = (await seatLoader(routeArgs(new Request(`http://campaign.test/cy/map/${CARDIFF_EAST}`), { onsCode: CARDIFF_EAST }))) as SeatData
    expect(seat.seat).toMatchObject({ name: 'Cardiff East', nation: 'Wales', signatures: 3, rank: 1 })
    expect(seat.inNation).toBe('yng Nghymru')
    expect(seat.title).toBe('Cardiff East: 3 o lofnodion — deiseb Dyletswydd Gofal')
    expect(seat.shareUrl).toBe(`http://campaign.test/cy/map/${CARDIFF_EAST}`)
    expect(seat.share.url).toBe(`http://campaign.test/cy/map/${CARDIFF_EAST}`)
    expect(seat.shareWords.message).toContain('Mae 3 o bobl yn Cardiff East wedi llofnodi’r ddeiseb')
    const englishSeat = (await seatLoader(routeArgs(new Request(`http://campaign.test/map/${CARDIFF_EAST}`), { onsCode: CARDIFF_EAST }))) as SeatData
    expect(englishSeat.title).toBe('Cardiff East: 3 signatures — Duty of Care petition')
    expect(englishSeat.shareUrl).toBe(`http://campaign.test/map/${CARDIFF_EAST}`)
  })
})

describe('see or erase your data in Welsh', () => {
  it('emails the link in the language of the page it was asked on, to the page in that language', async () => {
    await insertSignature({ email: 'gwen@example.org', state: 'validated' })
    await insertSignature({ email: 'dara@example.org', state: 'validated' })

    const welsh = (await myDataAction(routeArgs(post('http://campaign.test/cy/my-data', { email: 'gwen@example.org' })))) as Response
    expect(welsh.status).toBe(303)
    expect(welsh.headers.get('Location')).toBe('/cy/my-data?sent=1')
    const english = (await myDataAction(routeArgs(post('http://campaign.test/my-data', { email: 'dara@example.org' })))) as Response
    expect(english.headers.get('Location')).toBe('/my-data?sent=1')
    await deliverAllDue()

    const sent = new Map(testContext().resend.emails.map((e) => [e.to[0], e]))
    const gwen = sent.get('gwen@example.org')!
    expect(gwen.subject).toBe('Eich data sydd gan ymgyrch Dyletswydd Gofal')
    expect(gwen.html).toContain('lang="cy"')
    expect(gwen.html).toContain('Gweld fy nata')
    expect(gwen.html).toMatch(/http:\/\/campaign\.test\/cy\/my-data\/[A-Za-z0-9_-]{43}/)
    expect(gwen.text).toContain('Mae’r ddolen yn gweithio am 24 awr.')
    const dara = sent.get('dara@example.org')!
    expect(dara.subject).toBe('Your data held by the Duty of Care campaign')
    expect(dara.html).toContain('See my data')
    expect(dara.html).toMatch(/http:\/\/campaign\.test\/my-data\/[A-Za-z0-9_-]{43}/)
  })

  it('answers a Welsh form in Welsh: the email field and the erase box', async () => {
    const answer = (await myDataAction(routeArgs(post('http://campaign.test/cy/my-data', { email: 'not-an-email' })))) as { data: { result: { error: Record<string, string[]> } } }
    expect(answer.data.result.error.email).toEqual(['Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com'])
    const token = 'A'.repeat(43)
    const erase = (await eraseAction(routeArgs(post(`http://campaign.test/cy/my-data/${token}`, {}), { token }))) as { data: { result: { error: Record<string, string[]> } } }
    expect(erase.data.result.error.confirm).toEqual(['Ticiwch y blwch i gadarnhau eich bod am i bopeth gael ei ddileu'])
    const eraseEnglish = (await eraseAction(routeArgs(post(`http://campaign.test/my-data/${token}`, {}), { token }))) as { data: { result: { error: Record<string, string[]> } } }
    expect(eraseEnglish.data.result.error.confirm).toEqual(['Tick the box to confirm you want everything erased'])
  })
})

describe('the widget in Welsh (?lang=cy)', () => {
  it('speaks Welsh, keeps ?lang=cy on its own addresses, sends to the Welsh campaign page, and records a Welsh signature', async () => {
    type Widget = Awaited<ReturnType<typeof embedLoader>>
    const widget = (await embedLoader(routeArgs(new Request('http://campaign.test/embed?lang=cy&partner=pat-news')))) as Widget
    expect(widget).toMatchObject({ language: 'cy', signUrl: 'http://campaign.test/cy?partner=pat-news#sign' })
    expect(widget.t.sign).toBe('Llofnodi’r ddeiseb')
    expect(((await embedLoader(routeArgs(new Request('http://campaign.test/embed?partner=pat-news')))) as Widget).signUrl).toBe('http://campaign.test/?partner=pat-news#sign')

    type Form = Awaited<ReturnType<typeof embedSignLoader>>
    const form = (await embedSignLoader(routeArgs(new Request('http://campaign.test/embed/sign?lang=cy&partner=pat-news')))) as Form
    expect(form).toMatchObject({ language: 'cy', action: '/embed/sign?lang=cy&partner=pat-news', campaignUrl: 'http://campaign.test/cy?partner=pat-news' })
    expect(form.words.name).toBe('Enw llawn')

    const invalid = (await embedSignAction(routeArgs(post('http://campaign.test/embed/sign?lang=cy', { name: '', email: 'nope', postcode: '' })))) as { data: { result: { error: Record<string, string[]> } } }
    expect(invalid.data.result.error.name).toEqual(['Rhowch eich enw llawn'])

    const signed = (await embedSignAction(
      routeArgs(post('http://campaign.test/embed/sign?lang=cy&partner=pat-news', { name: 'Gwen Widget', email: 'gwen-widget@example.org', postcode: 'CF24 0AA' })),
    )) as Response
    expect(signed.headers.get('location')).toBe('/embed/sign?lang=cy&signed=1&partner=pat-news')
    expect(await prisma.signature.findFirstOrThrow({ where: { email: 'gwen-widget@example.org' } })).toMatchObject({ language: 'cy' })
    expect((await prisma.email.findFirstOrThrow({ where: { to: 'gwen-widget@example.org' } })).subject).toBe('Cadarnhewch eich llofnod: deiseb Dyletswydd Gofal')
  })
})

describe('a message with markup', () => {
  it('reads **bold** and [links](name) from the message only, never from the values filled in', () => {
    const html = renderToStaticMarkup(
      createElement(RichText, { message: 'Run by **{name}**; email [{email}](mailto).', values: { name: '**[x](mailto)**', email: '<b>a@b</b>' }, links: { mailto: 'mailto:a@b' } }),
    )
    expect(html).toBe('Run by <strong>**[x](mailto)**</strong>; email <a href="mailto:a@b">&lt;b&gt;a@b&lt;/b&gt;</a>.')
  })
})
