// Playwright's web server: stubs of Resend, postcodes.io and the Members API
// on loopback, a fresh database, and the built app started as in production
// (`npm start`: migrations, seed, web + worker) pointed at them.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../server/database'
import { startPostcodesStub } from '../../app/testing/stubs/postcodes-io-stub'
import { startResendStub } from '../../app/testing/stubs/resend-stub'
import { e2eOrganisation } from './organisation'
import { extraStubs } from './extra-stubs'
import { appDatabaseFile, appUrl, ports } from './ports'
import { createTestDatabase, createTemplateDatabase, ensureTestServer } from '../../app/testing/test-database'

const server = await ensureTestServer()
if (!process.env.TEST_TEMPLATE_READY) await createTemplateDatabase(server.adminUrl)
const database = await createTestDatabase(server.adminUrl, 'e2e')
// The scenarios' own checks read the app's database through this file (e2e/support/campaign.ts: appDatabaseUrl).
fs.mkdirSync(path.dirname(appDatabaseFile), { recursive: true })
fs.writeFileSync(appDatabaseFile, database.url, { mode: 0o600 })
const stubs = [await startResendStub(ports.resend), await startPostcodesStub(ports.postcodes), ...(await extraStubs())]

const app = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    // One access-log line per request would bury the scenarios' own output (and CI's tail): problems only.
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    PORT: String(ports.app),
    APP_URL: appUrl,
    DATABASE_URL: database.url,
    SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    RESEND_API_KEY: 're_e2e_key',
    RESEND_BASE_URL: `http://127.0.0.1:${ports.resend}`,
    RESEND_WEBHOOK_SECRET: (await import('../../app/testing/webhooks')).e2eWebhookSecret,
    RESEND_REQUESTS_PER_SECOND: '20',
    POSTCODES_IO_URL: `http://127.0.0.1:${ports.postcodes}`,
    MEMBERS_API_URL: `http://127.0.0.1:${ports.members}`,
    ADMIN_EMAIL: 'admin@campaign.test',
    ADMIN_PASSWORD: 'correct horse battery staple',
    ...e2eOrganisation,
  },
})

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  app.kill('SIGTERM')
  await new Promise((resolve) => app.once('exit', resolve))
  await Promise.all(stubs.map((s) => s.close()))
  fs.rmSync(appDatabaseFile, { force: true })
  await database.drop().catch(() => {})
  await server.stop()
  process.exit(0)
}
app.on('exit', (code) => {
  if (!stopping) {
    console.error(`the app exited (${code ?? 'killed by a signal'})`)
    process.exit(1)
  }
})
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
