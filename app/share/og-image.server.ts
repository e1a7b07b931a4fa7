// The share images (1200×630 PNG) that link previews show: the campaign's ask
// and the live count, or one seat's count. Drawn off the event loop
// (share-card-drawing.server.ts), at most once a minute per variant (og-image-cache).
import { campaignWords } from '~/campaign/campaign-words.server'
import { fill, localePath, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { env } from '~/lib/env.server'
import { seatPage } from '~/map/support.server'
import { seatByCode } from '~/map/seats.server'
import { formatNumber } from '~/lib/format'
import { petitionJson } from '~/petition/public-counts.server'
import { createOgImageCache, type OgImage } from './og-image-cache.server'
import { drawCard, type CardText } from './share-card-drawing.server'
import type { ShareCard } from './share-meta'

/** One image per campaign or seat and per language; English when `language` is absent. */
export type OgVariant = ({ kind: 'campaign' } | { kind: 'seat'; onsCode: string }) & { language?: Language }

/** `campaign.png` or `seat-<ONS code>.png`, with `.cy` before `.png` for Welsh; anything else is not an image we draw. */
export function parseOgImageName(name: string): OgVariant | null {
  const named = /^(campaign|seat-([A-Z]\d{8}))(\.cy)?\.png$/.exec(name.length <= 24 ? name : '')
  if (!named) return null
  const language = named[3] ? { language: 'cy' as const } : {}
  if (named[1] === 'campaign') return { kind: 'campaign', ...language }
  return seatByCode(named[2]) ? { kind: 'seat', onsCode: named[2], ...language } : null
}

const imageName = (variant: OgVariant) =>
  `${variant.kind === 'campaign' ? 'campaign' : `seat-${variant.onsCode}`}${variant.language === 'cy' ? '.cy' : ''}.png`

/** The image's address; `n` (what it shows) changes the address when the count does, so previews refetch it. */
export function ogImageUrl(variant: OgVariant, count: number) {
  return `${env().APP_URL}/og/${imageName(variant)}?n=${count}`
}

// ─── What a card says ────────────────────────────────────────────────────────

async function cardText(variant: OgVariant): Promise<CardText | null> {
  const host = new URL(env().APP_URL).host
  const language = variant.language ?? 'en'
  const t = messagesFor(language).shareCard
  const { campaign } = campaignWords(language)
  if (variant.kind === 'campaign') {
    const { signature_count: count } = await petitionJson()
    return {
      brand: t.brand,
      kicker: fill(t.kicker, { target: campaign.petitionTarget }),
      headline: campaign.title,
      count: formatNumber(count),
      countLabel: count === 1 ? t.signedOne : t.signedMany,
      footer: fill(t.footer, { host }),
    }
  }
  const page = await seatPage(variant.onsCode)
  if (!page) return null
  const { seat } = page
  return {
    brand: t.brand,
    kicker: seat.name,
    headline: campaign.title,
    count: formatNumber(seat.signatures),
    countLabel: fill(seat.signatures === 1 ? t.seatSignedOne : t.seatSignedMany, { seat: seat.name }),
    footer: fill(t.seatFooter, { total: formatNumber(page.signatureCount), host }),
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

/** The tags a page shares itself with: words and image in the page's language, its address under `/cy` for Welsh. */
export function campaignShareCard(count: number, path = '/', language: Language = 'en'): ShareCard {
  const t = messagesFor(language).shareCard
  const { title } = campaignWords(language).campaign
  return {
    title,
    description: t.description,
    url: `${env().APP_URL}${localePath(language, path)}`,
    image: ogImageUrl({ kind: 'campaign', language }, count),
    imageAlt: fill(count === 1 ? t.imageAltOne : t.imageAltMany, { title, count: formatNumber(count) }),
  }
}

export function seatShareCard(seat: { onsCode: string; name: string; signatures: number }, language: Language = 'en'): ShareCard {
  const t = messagesFor(language).shareCard
  const words = { seat: seat.name, count: formatNumber(seat.signatures) }
  const one = seat.signatures === 1
  return {
    title: fill(t.seatTitle, words),
    description: `${fill(one ? t.seatDescriptionOne : t.seatDescriptionMany, words)} ${t.description}`,
    url: `${env().APP_URL}${localePath(language, `/map/${seat.onsCode}`)}`,
    image: ogImageUrl({ kind: 'seat', onsCode: seat.onsCode, language }, seat.signatures),
    imageAlt: fill(one ? t.seatImageAltOne : t.seatImageAltMany, words),
  }
}
