// Draws a share card (1200×630 PNG): laid out by satori and rasterised by resvg
// in a worker thread, so a drawing (100–600 ms on a busy machine) never holds up
// the event loop. One worker per process, started on first use, one drawing at a time.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export const OG_WIDTH = 1200
export const OG_HEIGHT = 630

export interface CardText {
  /** The campaign's name in the card's language, before the kicker. */
  brand: string
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
    box({ display: 'flex', fontSize: 28, fontWeight: 700, color: '#ffbf47', textTransform: 'uppercase', letterSpacing: 1 }, `${text.brand} · ${text.kicker}`),
    box({ display: 'flex', marginTop: 16, fontSize: 52, fontWeight: 700, lineHeight: 1.15 }, text.headline),
    box({ display: 'flex', flexGrow: 1 }),
    box({ display: 'flex', fontSize: 120, fontWeight: 700, lineHeight: 1 }, text.count),
    box({ display: 'flex', marginTop: 4, fontSize: 40, lineHeight: 1.2 }, text.countLabel),
    box({ display: 'flex', marginTop: 28, paddingTop: 16, borderTop: '3px solid #ffbf47', fontSize: 28, lineHeight: 1.2, color: '#e8eef8' }, text.footer),
  )
}

const require = createRequire(import.meta.url)

const FAMILY = 'Atkinson Hyperlegible Next'

/**
 * Atkinson Hyperlegible Next (SIL Open Font License 1.1; @fontsource's WOFF files, which satori reads, unlike WOFF2).
 * Latin Extended, for ŵ (Montgomeryshire and Glyndŵr), under its own family name: satori falls back
 * along the font-family list, not between files of one family.
 */
function fontFiles() {
  return (['latin', 'latin-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: subset === 'latin' ? FAMILY : `${FAMILY} Extended`,
      path: require.resolve(`@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-${subset}-${weight}-normal.woff`),
      weight,
      style: 'normal',
    })),
  )
}

/** The worker's whole program (plain CommonJS, run with `eval`: the server build has no separate file for it). */
const WORKER = `
const fs = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
const satori = require(workerData.satori).default
const { Resvg } = require(workerData.resvg)
const fonts = workerData.fonts.map((f) => ({ name: f.name, weight: f.weight, style: f.style, data: fs.readFileSync(f.path) }))
parentPort.on('message', async ({ id, node, width, height }) => {
  try {
    const svg = await satori(node, { width, height, fonts })
    const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng()
    parentPort.postMessage({ id, png })
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) })
  }
})`

let worker: Worker | undefined
let nextId = 0
const waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>()

function drawingWorker(): Worker {
  if (worker) return worker
  const started = new Worker(WORKER, {
    eval: true,
    workerData: { satori: require.resolve('satori'), resvg: require.resolve('@resvg/resvg-js'), fonts: fontFiles() },
  })
  started.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
    const call = waiting.get(id)
    waiting.delete(id)
    if (!waiting.size) started.unref()
    if (error || !png) call?.reject(new Error(`share card: ${error ?? 'no image'}`))
    else call?.resolve(new Uint8Array(png.buffer, png.byteOffset, png.byteLength))
  })
  const fail = (error: Error) => {
    if (worker === started) worker = undefined
    for (const call of waiting.values()) call.reject(error)
    waiting.clear()
  }
  started.on('error', fail)
  started.on('exit', (code) => fail(new Error(`share card worker exited (${code})`)))
  worker = started
  return started
}

export function drawCard(text: CardText): Promise<Uint8Array> {
  const drawer = drawingWorker()
  const id = nextId++
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    // Kept alive only while a drawing is due: an idle worker never holds the process open.
    drawer.ref()
    drawer.postMessage({ id, node: card(text), width: OG_WIDTH, height: OG_HEIGHT })
  })
}
