// CPU per signature, counted by the kernel rather than by rate: on a machine shared with other work,
// requests per second say more about the neighbours than about the code, but the CPU time a web
// process and Postgres spend per accepted signature does not depend on who else is running.
// Starts the built app (2 web processes, worker off, rate limits off, as `npm run bench` minus the
// worker), posts distinct supporters from CONNECTIONS connections for SECONDS, and prints the CPU
// (user + system, /proc) the app's processes and the Postgres server used, per 303.
//   npx tsx scripts/bench/cpu-per-signature.ts     (BENCH_PORT=5230, SECONDS=8, CONNECTIONS=50)
import fs from 'node:fs'
import path from 'node:path'
import { createTemplateDatabase, createTestDatabase, ensureTestServer } from '../../app/testing/test-database'
import { startPostcodesStub } from '../../app/testing/stubs/postcodes-io-stub'
import { ensureBuilt, startApp } from './app-process'
import { load } from './load'

const PORT = Number(process.env.BENCH_PORT ?? 5230)
const SECONDS = Number(process.env.SECONDS ?? 8)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50)
const TICK = 100 // USER_HZ on Linux

/** CPU seconds used by a process and every descendant, live or already reaped (cutime/cstime). */
function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>()
  const own = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const pid = Number(entry)
    const ppid = Number(fields[1])
    own.set(pid, (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICK)
    children.set(ppid, [...(children.get(ppid) ?? []), pid])
  }
  const sum = (pid: number): number => (own.get(pid) ?? 0) + (children.get(pid) ?? []).reduce((total, child) => total + sum(child), 0)
  return sum(root)
}

ensureBuilt({ build: true })
const server = await ensureTestServer()
await createTemplateDatabase(server.adminUrl)
const database = await createTestDatabase(server.adminUrl, 'cpu')
const postmaster = Number(fs.readFileSync(path.join(process.cwd(), '.data/test-postgres/postmaster.pid'), 'utf8').split('\n')[0])
const postcodes = await startPostcodesStub(PORT + 11)
const app = await startApp({
  port: PORT,
  databaseUrl: database.url,
  readyTimeoutMs: 300_000,
  env: { RATE_LIMITS: 'off', WORKER: 'off', RESEND_API_KEY: 're_cpu', RESEND_BASE_URL: 'http://127.0.0.1:9', POSTCODES_IO_URL: postcodes.url, MEMBERS_API_URL: 'http://127.0.0.1:9' },
})
let n = 0
const body = () => new URLSearchParams({ name: `Measured Supporter ${++n}`, email: `cpu-${n}-${Date.now()}@example.org`, postcode: 'SW1A 1AA', ...(n % 3 ? {} : { optIn: 'on' }) }).toString()
const sign = { title: 'sign', url: `${app.url}/?index`, connections: CONNECTIONS, method: 'POST' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }
await load({ ...sign, seconds: 2 }) // warm-up: JIT, pools, caches
const before = { app: treeCpuSeconds(app.child.pid!), pg: treeCpuSeconds(postmaster) }
const result = await load({ ...sign, seconds: SECONDS })
const after = { app: treeCpuSeconds(app.child.pid!), pg: treeCpuSeconds(postmaster) }
await app.stop()
await postcodes.close()
await database.drop()
await server.stop()
const signed = result.statusCounts['303'] ?? 0
const ms = (seconds: number) => ((1000 * seconds) / (signed || 1)).toFixed(2)
console.log(`sign: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99} ms, ${JSON.stringify(result.statusCounts)}`)
console.log(`CPU per signature: app ${ms(after.app - before.app)} ms, Postgres ${ms(after.pg - before.pg)} ms, together ${ms(after.app - before.app + after.pg - before.pg)} ms (${signed} signatures)`)
