// `npm test`: everything, on a fresh machine. First the static checks (types, lint, layering:
// any failure stops the run), then a PostgreSQL for the tests (embedded unless DATABASE_URL is
// set), a production build, the unit and integration tests (vitest), then the end-to-end
// scenarios (Playwright, Chromium).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createTemplateDatabase, ensureTestServer } from '../app/testing/test-database'
import { ROOT } from '../server/database'

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n━━ ${title} ━━`)
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

const only = process.argv[2] as 'unit' | 'e2e' | 'checks' | undefined

// Cheap before expensive: a type error, a lint error or a forbidden import fails before any test runs.
const checks: [string, string, string[]][] = [
  ['types', 'types (react-router typegen && tsc --noEmit)', ['run', 'typecheck']],
  ['lint', 'lint (ESLint with type information)', ['run', 'lint']],
  ['layering', 'layering (dependency-cruiser)', ['run', 'layering']],
]
for (const [name, title, args] of checks) {
  if (!run(title, 'npm', args)) {
    console.error(`\n━━ summary ━━\nFAILED  ${name}: fix it before the tests run`)
    process.exit(1)
  }
}
if (only === 'checks') process.exit(0)
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (only !== 'unit' && !fs.existsSync(chromium)) {
  // Debian's Chromium: Playwright's own browser download cannot work on machines without internet.
  if (process.getuid?.() === 0) run('installing Chromium from Debian', 'sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'])
  if (!fs.existsSync(chromium)) {
    console.error(`Chromium is missing at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`)
    process.exit(1)
  }
}

// Debian's PgBouncer, for the test through a pooler in transaction mode (it skips, saying why, when it cannot be installed).
if (only !== 'e2e' && !fs.existsSync(process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer') && process.getuid?.() === 0) {
  run('installing PgBouncer from Debian', 'sh', ['-c', 'apt-get update -qq && apt-get install -y -qq pgbouncer'])
}

const server = await ensureTestServer()
await createTemplateDatabase(server.adminUrl)
const env = { TEST_ADMIN_DATABASE_URL: server.adminUrl, TEST_TEMPLATE_READY: '1' }

const results: [string, boolean][] = []
const built = run('production build (Prisma client + React Router)', 'npm', ['run', 'build'], env)
results.push(['build', built])
// Each runner also writes a JSON report, so the summary (the end of a long log, all CI may show) names what failed.
const reports = path.join(ROOT, '.data', 'test-reports')
fs.rmSync(reports, { recursive: true, force: true })
fs.mkdirSync(reports, { recursive: true })
const vitestReport = path.join(reports, 'vitest.json')
const playwrightReport = path.join(reports, 'playwright.json')
if (built && only !== 'e2e') {
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]
  results.push(['unit and integration', run('unit and integration tests (vitest)', 'npx', args, env)])
}
if (built && only !== 'unit') {
  const args = ['playwright', 'test', '--reporter=list,json']
  results.push(['end-to-end', run('end-to-end scenarios (Playwright + Chromium)', 'npx', args, { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport })])
}
await server.stop()

console.log('\n━━ summary ━━')
for (const [name, ok] of results) console.log(`${ok ? 'passed' : 'FAILED'}  ${name}`)
for (const failure of [...failedTests(vitestReport, vitestFailures), ...failedTests(playwrightReport, playwrightFailures)]) {
  console.log(`  ✗ ${failure}`)
}
const failed = results.filter(([, ok]) => !ok).length
process.exit(failed ? 1 : 0)

function failedTests(file: string, read: (report: unknown) => string[]): string[] {
  try {
    return read(JSON.parse(fs.readFileSync(file, 'utf8')))
  } catch {
    return [] // no report (the runner did not start): its own output says why
  }
}

/** The first line of a failure message: enough to tell a timeout from an assertion. */
function firstLine(message: string | undefined): string {
  // A function declaration, not a const: the summary above runs before this line is reached.
  return (message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? ''
}

function vitestFailures(report: unknown): string[] {
  const { testResults = [] } = report as { testResults?: { name: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[] }
  return testResults.flatMap((file) => {
    const where = path.relative(ROOT, file.name)
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
    if (failed.length === 0 && file.message) return [`${where}: ${firstLine(file.message)}`]
    return failed.map((t) => `${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`)
  })
}

interface PlaywrightSuite {
  title: string
  file?: string
  specs?: { title: string; file: string; ok: boolean; tests?: { results?: { error?: { message?: string } }[] }[] }[]
  suites?: PlaywrightSuite[]
}

function playwrightFailures(report: unknown): string[] {
  const walk = (suite: PlaywrightSuite): string[] => [
    ...(suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => `${spec.file} › ${spec.title}: ${firstLine(spec.tests?.at(-1)?.results?.at(-1)?.error?.message)}`),
    ...(suite.suites ?? []).flatMap(walk),
  ]
  return ((report as { suites?: PlaywrightSuite[] }).suites ?? []).flatMap(walk)
}
