// Share images drawn at most once a minute per variant, redrawn when the count
// has changed; share links tagged with their channel.
import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { insertSignature } from '~/admin/testing.server'
import { prisma } from '~/lib/db.server'
import { refreshCounts } from '~/petition/counts.server'
import { createOgImageCache } from './og-image-cache.server'
import { campaignShareCard, ogImage, ogImageResponse, parseOgImageName, seatShareCard } from './og-image.server'
import { ShareButtons, taggedUrl } from './share-buttons'

const READING = 'E14001438'

function pngSize(png: Uint8Array) {
  const view = Buffer.from(png)
  expect(view.subarray(1, 4).toString()).toBe('PNG')
  return [view.readUInt32BE(16), view.readUInt32BE(20)]
}

async function signatures(n: number, constituencyCode: string | null = READING) {
  await prisma.constituency.upsert({ where: { onsCode: READING }, create: { onsCode: READING, name: 'Reading Central', nameKey: 'reading central', nation: 'England' }, update: {} })
  for (let i = 0; i < n; i++) await insertSignature({ constituencyCode, locatedAt: new Date() })
  await refreshCounts()
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "ConstituencyCount", "PetitionCount", "Constituency" CASCADE`
  return () => vi.useRealTimers()
})

describe('share images', () => {
  it('names only the campaign and real seats', () => {
    expect(parseOgImageName('campaign.png')).toEqual({ kind: 'campaign' })
    expect(parseOgImageName(`seat-${READING}.png`)).toEqual({ kind: 'seat', onsCode: READING })
    expect(parseOgImageName('campaign.cy.png')).toEqual({ kind: 'campaign', language: 'cy' })
    expect(parseOgImageName(`seat-${READING}.cy.png`)).toEqual({ kind: 'seat', onsCode: READING, language: 'cy' })
    for (const name of ['seat-E99999999.png', 'seat-E14001438.jpg', '../campaign.png', 'campaign', 'campaign.fr.png', 'campaign.cy.cy.png', `seat-${'E'.repeat(10_000)}.png`]) {
      expect(parseOgImageName(name), name).toBeNull()
    }
  })

  it('changes after the count changes, but at most once a minute per variant', async () => {
    let now = Date.now()
    const cache = createOgImageCache({ maxAgeMs: 60_000, now: () => now })
    const later = (ms: number) => {
      now += ms
      vi.setSystemTime(now) // the public counts' own few-second cache follows the same clock
    }
    await signatures(2)
    later(3_000)

    const first = (await ogImage({ kind: 'campaign' }, cache))!
    expect(pngSize(first.png)).toEqual([1200, 630])
    expect(first.stamp).toMatch(/^2\|/)
    expect((await ogImage({ kind: 'campaign' }, cache))!.etag).toBe(first.etag)
    expect(cache.renders).toBe(1)

    // The count changes; within the minute the image does not.
    await signatures(1)
    later(30_000)
    expect((await ogImage({ kind: 'campaign' }, cache))!.etag).toBe(first.etag)
    expect(cache.renders).toBe(1)

    // Once the minute has passed, it is drawn again (the old one is served while that happens).
    later(31_000)
    expect((await ogImage({ kind: 'campaign' }, cache))!.etag).toBe(first.etag)
    await cache.idle()
    const second = (await ogImage({ kind: 'campaign' }, cache))!
    expect(cache.renders).toBe(2)
    expect(second.stamp).toMatch(/^3\|/)
    expect(second.etag).not.toBe(first.etag)
    expect(Buffer.from(second.png).equals(Buffer.from(first.png))).toBe(false)

    // Nothing changed: a minute later it is not drawn again.
    later(120_000)
    expect((await ogImage({ kind: 'campaign' }, cache))!.etag).toBe(second.etag)
    await cache.idle()
    expect(cache.renders).toBe(2)

    // A seat's image is its own variant, with its own count.
    const seat = (await ogImage({ kind: 'seat', onsCode: READING }, cache))!
    expect(seat.stamp).toMatch(/^3\|3 across the UK/)
    expect(seat.etag).not.toBe(second.etag)
    expect(cache.renders).toBe(3)
  })

  it('are drawn in Welsh for Welsh pages, as their own images, and the Welsh pages’ tags point at them', async () => {
    await signatures(2)
    const cache = createOgImageCache({ maxAgeMs: 60_000 })
    const english = (await ogImage({ kind: 'seat', onsCode: READING }, cache))!
    const welsh = (await ogImage({ kind: 'seat', onsCode: READING, language: 'cy' }, cache))!
    // (The public count may still be the previous test's for a few seconds: the two cards agree on it either way.)
    const [, seatCount] = /^(\d+)\|/.exec(english.stamp)!
    expect(english.stamp).toMatch(/^(\d+)\|\1 across the UK · sign at campaign\.test$/)
    expect(welsh.stamp).toBe(`${seatCount}|${seatCount} ar draws y DU · llofnodwch yn campaign.test`)
    expect(pngSize(welsh.png)).toEqual([1200, 630])
    expect(welsh.etag).not.toBe(english.etag)
    expect(cache.renders).toBe(2)

    const home = campaignShareCard(2, '/', 'cy')
    expect(home.url).toBe('http://campaign.test/cy')
    expect(home.image).toBe('http://campaign.test/og/campaign.cy.png?n=2')
    expect(home.imageAlt).toMatch(/^Gwneud cwmnïau technoleg .*: mae 2 o bobl wedi llofnodi’r ddeiseb\.$/)
    expect(campaignShareCard(1, '/map').image).toBe('http://campaign.test/og/campaign.png?n=1')
    const seat = seatShareCard({ onsCode: READING, name: 'Reading Central', signatures: 1 }, 'cy')
    expect(seat).toMatchObject({ url: `http://campaign.test/cy/map/${READING}`, image: `http://campaign.test/og/seat-${READING}.cy.png?n=1` })
    expect(seat.imageAlt).toBe('Reading Central: 1 llofnod dros Ddyletswydd Gofal gyfreithiol ar gwmnïau technoleg.')
  })

  it('answers with a minute of caching, an ETag, and 304 when the client has it', async () => {
    const cache = createOgImageCache({ maxAgeMs: 60_000 })
    const image = (await ogImage({ kind: 'campaign' }, cache))!
    const response = ogImageResponse(new Request('http://campaign.test/og/campaign.png'), image)
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'content-type': 'image/png', 'cache-control': 'public, max-age=60', etag: image.etag })
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(image.png))).toBe(true)
    const again = ogImageResponse(new Request('http://campaign.test/og/campaign.png', { headers: { 'if-none-match': `W/${image.etag}` } }), image)
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })
})

describe('share links', () => {
  it('tag every channel, keeping what the address already carries', () => {
    expect(taggedUrl('http://campaign.test/?ref=abc123', 'whatsapp')).toBe('http://campaign.test/?ref=abc123&utm_source=whatsapp&utm_medium=share')
    const html = renderToStaticMarkup(createElement(ShareButtons, { url: 'http://campaign.test/map/E14001438' }))
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1].replaceAll('&amp;', '&')))
    for (const channel of ['whatsapp', 'facebook', 'x', 'email']) {
      expect(hrefs.some((h) => h.includes(`http://campaign.test/map/E14001438?utm_source=${channel}&utm_medium=share`)), channel).toBe(true)
    }
    expect(html).toContain('value="http://campaign.test/map/E14001438?utm_source=link&amp;utm_medium=share"')
    // Copying needs JavaScript: no button in the server's HTML.
    expect(html).not.toContain('Copy link</button>')
  })
})
