// The share images (1200×630 PNG) that link previews show: the campaign's ask
// and the live count, or one seat's count. Drawn off the event loop
// (share-card-drawing.server.ts), at most once a minute per variant (og-image-cache).
import { campaign } from '~/campaign/content'
import { env } from '~/lib/env.server'
import { seatPage } from '~/map/support.server'
import { seatByCode } from '~/map/seats.server'
import { formatNumber } from '~/lib/format'
import { petitionJson } from '~/petition/public-counts.server'
import { createOgImageCache, type OgImage } from './og-image-cache.server'
import { drawCard, type CardText } from './share-card-drawing.server'
import type { ShareCard } from './share-meta'

export type OgVariant = { kind: 'campaign' } | { kind: 'seat'; onsCode: string }

/** `campaign.png` or `seat-<ONS code>.png`; anything else is not an image we draw. */
export function parseOgImageName(name: string): OgVariant | null {
  if (name === 'campaign.png') return { kind: 'campaign' }
  const seat = /^seat-([A-Z]\d{8})\.png$/.exec(name.length <= 20 ? name : '')
  return seat && seatByCode(seat[1]) ? { kind: 'seat', onsCode: seat[1] } : null
}

const imageName = (variant: OgVariant) => (variant.kind === 'campaign' ? 'campaign.png' : `seat-${variant.onsCode}.png`)

/** The image's address; `n` (what it shows) changes the address when the count does, so previews refetch it. */
export function ogImageUrl(variant: OgVariant, count: number) {
  return `${env().APP_URL}/og/${imageName(variant)}?n=${count}`
}

// ─── What a card says ────────────────────────────────────────────────────────

async function cardText(variant: OgVariant): Promise<CardText | null> {
  const host = new URL(env().APP_URL).host
  if (variant.kind === 'campaign') {
    const { signature_count: count } = await petitionJson()
    return {
      kicker: `Petition to ${campaign.petitionTarget}`,
      headline: campaign.title,
      count: formatNumber(count),
      countLabel: count === 1 ? 'person has signed' : 'people have signed',
      footer: `Sign at ${host}`,
    }
  }
  const page = await seatPage(variant.onsCode)
  if (!page) return null
  const { seat } = page
  return {
    kicker: seat.name,
    headline: campaign.title,
    count: formatNumber(seat.signatures),
    countLabel: `${seat.signatures === 1 ? 'person' : 'people'} in ${seat.name} ${seat.signatures === 1 ? 'has' : 'have'} signed`,
    footer: `${formatNumber(page.signatureCount)} across the UK · sign at ${host}`,
  }
}

// ─── Serving ─────────────────────────────────────────────────────────────────

const images = createOgImageCache({ maxAgeMs: 60_000 })

/** The variant's current image, drawn at most once a minute; null when there is no such seat. */
export async function ogImage(variant: OgVariant, cache = images): Promise<OgImage | null> {
  const text = await cardText(variant)
  if (!text) return null
  return cache.get(imageName(variant), `${text.count}|${text.footer}`, () => drawCard(text))
}

/** A PNG response with a minute's caching and an ETag (304 when the client already has it). */
export function ogImageResponse(request: Request, image: OgImage): Response {
  const headers = { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=60', ETag: image.etag }
  const matches = request.headers.get('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === image.etag)
  if (matches) return new Response(null, { status: 304, headers })
  const { png } = image
  return new Response(new Uint8Array(png.buffer as ArrayBuffer, png.byteOffset, png.length), {
    headers: { ...headers, 'Content-Length': String(png.length) },
  })
}

// ─── Cards for pages ─────────────────────────────────────────────────────────

const DESCRIPTION = 'Ask the Prime Minister for an Online Harms Bill with a legal Duty of Care on tech companies. Sign the petition and email your MP.'

export function campaignShareCard(count: number, path = '/'): ShareCard {
  return {
    title: campaign.title,
    description: DESCRIPTION,
    url: `${env().APP_URL}${path}`,
    image: ogImageUrl({ kind: 'campaign' }, count),
    imageAlt: `${campaign.title}: ${formatNumber(count)} ${count === 1 ? 'person has' : 'people have'} signed the petition.`,
  }
}

export function seatShareCard(seat: { onsCode: string; name: string; signatures: number }): ShareCard {
  return {
    title: `${seat.name} wants a Duty of Care for children online`,
    description: `${formatNumber(seat.signatures)} ${seat.signatures === 1 ? 'person' : 'people'} in ${seat.name} ${seat.signatures === 1 ? 'has' : 'have'} signed. ${DESCRIPTION}`,
    url: `${env().APP_URL}/map/${seat.onsCode}`,
    image: ogImageUrl({ kind: 'seat', onsCode: seat.onsCode }, seat.signatures),
    imageAlt: `${seat.name}: ${formatNumber(seat.signatures)} ${seat.signatures === 1 ? 'signature' : 'signatures'} for a legal Duty of Care on tech companies.`,
  }
}
