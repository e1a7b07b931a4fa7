// The share images (1200×630 PNG) that link previews show: the campaign's ask
// and the live count, or one seat's count. Laid out by satori, drawn by resvg
// (on libuv's thread pool, off the event loop), cached by og-image-cache.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { campaign } from '~/campaign/content'
import { env } from '~/lib/env.server'
import { seatPage } from '~/map/support.server'
import { seatByCode } from '~/map/seats.server'
import { formatNumber } from '~/petition/milestones'
import { petitionJson } from '~/petition/public-counts.server'
import { createOgImageCache, type OgImage } from './og-image-cache.server'
import type { ShareCard } from './share-meta'

export const OG_WIDTH = 1200
export const OG_HEIGHT = 630

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

interface CardText {
  kicker: string
  headline: string
  count: string
  countLabel: string
  footer: string
}

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

// ─── Drawing ─────────────────────────────────────────────────────────────────

interface Node {
  type: string
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string }
}
const box = (style: Node['props']['style'], ...children: (Node | string)[]): Node => ({ type: 'div', props: { style, children } })

function card(text: CardText): Node {
  return box(
    { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '56px 64px', background: '#1d3f72', color: '#ffffff', fontFamily: 'Atkinson Hyperlegible Next' },
    box(
      { display: 'flex', flexDirection: 'column' },
      box({ display: 'flex', fontSize: 30, fontWeight: 700, color: '#ffbf47', textTransform: 'uppercase', letterSpacing: 1 }, `Duty of Care · ${text.kicker}`),
      box({ display: 'flex', marginTop: 20, fontSize: 54, fontWeight: 700, lineHeight: 1.15 }, text.headline),
    ),
    box(
      { display: 'flex', flexDirection: 'column' },
      box({ display: 'flex', alignItems: 'baseline' }, box({ display: 'flex', fontSize: 112, fontWeight: 700, lineHeight: 1 }, text.count)),
      box({ display: 'flex', marginTop: 8, fontSize: 38 }, text.countLabel),
      box({ display: 'flex', marginTop: 24, fontSize: 28, color: '#e8eef8' }, text.footer),
    ),
  )
}

const require = createRequire(import.meta.url)

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined
function loadFonts() {
  // Atkinson Hyperlegible Next (SIL Open Font License 1.1; @fontsource's WOFF files, which satori reads, unlike WOFF2).
  // Latin and Latin Extended: seat names need ô and ŵ (Ynys Môn, Montgomeryshire and Glyndŵr).
  fonts ??= (['latin', 'latin-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: 'Atkinson Hyperlegible Next',
      data: fs.readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  )
  return fonts
}

async function drawCard(text: CardText): Promise<Uint8Array> {
  const [{ default: satori }, { renderAsync }] = await Promise.all([import('satori'), import('@resvg/resvg-js')])
  const svg = await satori(card(text) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() })
  const rendered = await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })
  return new Uint8Array(rendered.asPng())
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
