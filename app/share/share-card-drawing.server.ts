// Draws a share card (1200×630 PNG): laid out by satori, rasterised by resvg
// on libuv's thread pool (renderAsync), so the event loop only pays for the layout.
import fs from 'node:fs'
import { createRequire } from 'node:module'

export const OG_WIDTH = 1200
export const OG_HEIGHT = 630

export interface CardText {
  kicker: string
  headline: string
  count: string
  countLabel: string
  footer: string
}

interface Node {
  type: string
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string }
}
const box = (style: Node['props']['style'], ...children: (Node | string)[]): Node => ({ type: 'div', props: { style, children } })

function card(text: CardText): Node {
  return box(
    { width: OG_WIDTH, height: OG_HEIGHT, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', padding: 60, background: '#1d3f72', color: '#ffffff', fontFamily: `'${FAMILY}', '${FAMILY} Extended'` },
    box({ display: 'flex', fontSize: 28, fontWeight: 700, color: '#ffbf47', textTransform: 'uppercase', letterSpacing: 1 }, `Duty of Care · ${text.kicker}`),
    box({ display: 'flex', marginTop: 16, fontSize: 52, fontWeight: 700, lineHeight: 1.15 }, text.headline),
    box({ display: 'flex', flexGrow: 1 }),
    box({ display: 'flex', fontSize: 120, fontWeight: 700, lineHeight: 1 }, text.count),
    box({ display: 'flex', marginTop: 4, fontSize: 40, lineHeight: 1.2 }, text.countLabel),
    box({ display: 'flex', marginTop: 28, paddingTop: 16, borderTop: '3px solid #ffbf47', fontSize: 28, lineHeight: 1.2, color: '#e8eef8' }, text.footer),
  )
}

const require = createRequire(import.meta.url)

const FAMILY = 'Atkinson Hyperlegible Next'

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined
function loadFonts() {
  // Atkinson Hyperlegible Next (SIL Open Font License 1.1; @fontsource's WOFF files, which satori reads, unlike WOFF2).
  // Latin Extended, for ŵ (Montgomeryshire and Glyndŵr), under its own family name: satori falls back
  // along the font-family list, not between files of one family.
  fonts ??= (['latin', 'latin-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: subset === 'latin' ? FAMILY : `${FAMILY} Extended`,
      data: fs.readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  )
  return fonts
}

export async function drawCard(text: CardText): Promise<Uint8Array> {
  const [{ default: satori }, { renderAsync }] = await Promise.all([import('satori'), import('@resvg/resvg-js')])
  const svg = await satori(card(text) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() })
  const rendered = await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })
  return new Uint8Array(rendered.asPng())
}
