// Where a web process spends its CPU while signing: starts the built app with
// one web process (WEB_CONCURRENCY=1, WORKER=off: the worker's email rendering
// is measured elsewhere) under `node --cpu-prof`, posts distinct supporters to
// the form from CONNECTIONS connections for SECONDS, stops it, and prints the
// top self-time functions and the share per package/area of the profile.
//   npx tsx scripts/bench/profile-sign.ts     (BENCH_PORT=5220, SECONDS=10, CONNECTIONS=50)
//   SCENARIO=home npx tsx scripts/bench/profile-sign.ts   (the same for cookie-less GET / as browsers ask for it)
//   SCENARIO=home-rendered npx tsx scripts/bench/profile-sign.ts   (GET / with a cookie: rendered for each request)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTemplateDatabase, createTestDatabase, ensureTestServer } from '../../app/testing/test-database'
import { startPostcodesStub } from '../../app/testing/stubs/postcodes-io-stub'
import { ensureBuilt, startApp } from './app-process'
import { load } from './load'

const PORT = Number(process.env.BENCH_PORT ?? 5220)
const SECONDS = Number(process.env.SECONDS ?? 10)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50)

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

ensureBuilt({ build: true })
const server = await ensureTestServer()
await createTemplateDatabase(server.adminUrl)
const database = await createTestDatabase(server.adminUrl, 'profile')
const postcodes = await startPostcodesStub(PORT + 11)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-profile-'))
const app = await startApp({
  port: PORT,
  databaseUrl: database.url,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  readyTimeoutMs: 300_000,
  env: { RATE_LIMITS: 'off', WEB_CONCURRENCY: '1', WORKER: 'off', RESEND_API_KEY: 're_profile', RESEND_BASE_URL: 'http://127.0.0.1:9', POSTCODES_IO_URL: postcodes.url, MEMBERS_API_URL: 'http://127.0.0.1:9' },
})
let n = 0
const body = () => new URLSearchParams({ name: `Profiled Supporter ${++n}`, email: `profile-${n}-${Date.now()}@example.org`, postcode: 'SW1A 1AA', ...(n % 3 ? {} : { optIn: 'on' }) }).toString()
const scenario = process.env.SCENARIO ?? 'sign'
const homeHeaders = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html', ...(scenario === 'home-rendered' ? { cookie: 'returning=1' } : {}) }
const result =
  scenario === 'home' || scenario === 'home-rendered'
    ? await load({ title: 'home', url: `${app.url}/`, connections: CONNECTIONS, seconds: SECONDS, headers: homeHeaders })
    : await load({ title: 'sign', url: `${app.url}/?index`, connections: CONNECTIONS, seconds: SECONDS, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
const loadEnded = Date.now()
await app.stop()
const stopMs = Date.now() - loadEnded
await postcodes.close()
await database.drop()
await server.stop()
console.log(`${scenario}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99} ms, ${JSON.stringify(result.statusCounts)}`)

const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
if (!file) throw new Error(`no profile written in ${dir}`)
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
// Only the samples taken under load: start-up (migrations, module loading) and shutdown left out.
const windowEnd = profile.endTime - stopMs * 1000
const windowStart = windowEnd - SECONDS * 1e6
const selfUs = new Map<number, number>()
let at = profile.startTime
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0
  if (at < windowStart || at > windowEnd) return
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
})
const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
const idle = [...selfUs].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0)
const busy = total - idle

function area(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection'
  if (name === '(program)') return '(program: native, not attributed)'
  if (!url) return `native: ${name}`
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (pkg) return pkg[1]
  if (url.startsWith('node:')) return url.replace(/^node:internal\/(\w+).*/, 'node:$1')
  if (url.includes('/build/server/')) return 'app (build/server)'
  if (url.includes('/app/generated/')) return 'prisma generated client'
  return url.replace(/^file:\/\/.*?\/(app|server)\//, '$1/')
}
const byArea = new Map<string, number>()
const byFunction = new Map<string, number>()
for (const [id, us] of selfUs) {
  const node = byId.get(id)!
  if (node.callFrame.functionName === '(idle)') continue
  const a = area(node.callFrame.url, node.callFrame.functionName)
  byArea.set(a, (byArea.get(a) ?? 0) + us)
  const f = `${node.callFrame.functionName || '(anonymous)'} ${a}:${node.callFrame.lineNumber + 1}`
  byFunction.set(f, (byFunction.get(f) ?? 0) + us)
}
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`
console.log(`\nprofile under load: ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)}%); ${(busy / 1000 / (result.total || 1)).toFixed(2)} ms of CPU per request\n\nby area (self time, share of busy):`)
for (const [a, us] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${pct(us)}  ${a}`)
console.log('\ntop functions (self time):')
for (const [f, us] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`  ${pct(us)}  ${f}`)
console.log(`\n(profile kept at ${path.join(dir, file)})`)
