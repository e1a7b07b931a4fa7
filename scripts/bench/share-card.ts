// How long a share image takes to draw, and how much of it runs on the event
// loop (event-loop utilisation: the main thread's busy time, which a busy machine's
// scheduling delays do not inflate): `npx tsx scripts/bench/share-card.ts`
// (20 drawings after a first, warm-up one).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { drawCard } from '../../app/share/share-card-drawing.server'

const DRAWINGS = 20
const text = (i: number) => ({
  brand: 'Duty of Care',
  kicker: 'Montgomeryshire and Glyndŵr',
  headline: 'Make tech firms responsible for keeping children safe online',
  count: (1_234_567 + i).toLocaleString('en-GB'),
  countLabel: 'people in Montgomeryshire and Glyndŵr have signed',
  footer: '1,234,567 across the UK · sign at dutyofcare.example.org',
})

let started = performance.now()
await drawCard(text(0))
console.log(`first drawing (loads satori, resvg and the fonts): ${Math.round(performance.now() - started)} ms`)
const delay = monitorEventLoopDelay({ resolution: 2 })
delay.enable()
const loop = performance.eventLoopUtilization()
const times: number[] = []
for (let i = 1; i <= DRAWINGS; i++) {
  started = performance.now()
  await drawCard(text(i))
  times.push(performance.now() - started)
}
delay.disable()
const busy = performance.eventLoopUtilization(loop)
times.sort((a, b) => a - b)
console.log(`drawing: p50 ${Math.round(times[DRAWINGS / 2])} ms, max ${Math.round(times.at(-1)!)} ms`)
console.log(`event loop busy: ${(busy.active / DRAWINGS).toFixed(1)} ms per drawing (utilisation ${(busy.utilization * 100).toFixed(1)}%)`)
console.log(`event loop delay (includes the machine's own scheduling): p99 ${Math.round(delay.percentile(99) / 1e6)} ms, max ${Math.round(delay.max / 1e6)} ms`)
