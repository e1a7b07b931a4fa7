// `npm run lighthouse`: Lighthouse (pinned 12.2.3, fetched by npx on first use:
// not a dependency of the app) against the production build's campaign page,
// with Debian's Chromium. Prints the scores; fails below 95 performance or
// 100 accessibility. Optional (not part of `npm test`): its performance score
// moves with the machine's load.
// Env: CHROME_PATH (/usr/bin/chromium), LIGHTHOUSE_PRESET (mobile | desktop),
// LIGHTHOUSE_PORT (5250), LIGHTHOUSE_PATHS (comma-separated, default "/").
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startPostcodesStub } from '../app/testing/stubs/postcodes-io-stub'
import { startResendStub } from '../app/testing/stubs/resend-stub'
import { createTemplateDatabase, createTestDatabase, ensureTestServer } from '../app/testing/test-database'
import { ensureBuilt, startApp } from './bench/app-process'

const LIGHTHOUSE = 'lighthouse@12.2.3'
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 5250)
const preset = process.env.LIGHTHOUSE_PRESET === 'desktop' ? 'desktop' : 'mobile'
const paths = (process.env.LIGHTHOUSE_PATHS ?? '/').split(',').map((p) => p.trim())
const targets = { performance: 95, accessibility: 100 }

if (!fs.existsSync(CHROME_PATH)) {
  console.error(`No Chromium at ${CHROME_PATH}: apt-get install -y chromium, or set CHROME_PATH.`)
  process.exit(1)
}

ensureBuilt({ build: true })
const server = await ensureTestServer()
if (!process.env.TEST_TEMPLATE_READY) await createTemplateDatabase(server.adminUrl)
const database = await createTestDatabase(server.adminUrl, 'lighthouse')
const resend = await startResendStub(PORT + 10)
const postcodes = await startPostcodesStub(PORT + 11)
const app = await startApp({
  port: PORT,
  databaseUrl: database.url,
  env: { RESEND_API_KEY: 're_lighthouse', RESEND_BASE_URL: resend.url, POSTCODES_IO_URL: postcodes.url, MEMBERS_API_URL: postcodes.url },
})

let failed = false
try {
  for (const page of paths) {
    const out = path.join(os.tmpdir(), `lighthouse-${process.pid}.json`)
    const result = spawnSync(
      'npx',
      [
        '-y',
        LIGHTHOUSE,
        // localhost, not 127.0.0.1: the app sends HSTS and upgrade-insecure-requests in production, which browsers waive for localhost only.
        `http://localhost:${PORT}${page}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH } },
    )
    if (result.status !== 0 || !fs.existsSync(out)) {
      console.error(`Lighthouse failed on ${page}`)
      failed = true
      continue
    }
    const report = JSON.parse(fs.readFileSync(out, 'utf8'))
    fs.rmSync(out)
    const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100)
    const audits = report.audits as Record<string, { score: number | null; title: string; displayValue?: string }>
    console.log(`\n${page} (${preset}): performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}`)
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      if (audits[id]) console.log(`  ${audits[id].title}: ${audits[id].displayValue ?? audits[id].score ?? 'no score'}`)
    }
    for (const [id, audit] of Object.entries(audits)) {
      if (audit.score !== null && audit.score < 1 && report.categories.accessibility.auditRefs.some((r: { id: string }) => r.id === id)) {
        console.log(`  accessibility: ${audit.title}`)
      }
    }
    if (score('performance') < targets.performance || score('accessibility') < targets.accessibility) failed = true
  }
} finally {
  await app.stop()
  await Promise.all([resend.close(), postcodes.close()])
  await database.drop()
  await server.stop()
}
console.log(failed ? `\nBelow target (performance ≥ ${targets.performance}, accessibility ${targets.accessibility}).` : '\nTargets met.')
process.exit(failed ? 1 : 0)
