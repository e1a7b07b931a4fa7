// `npm run demo`: the app on this machine with no internet, every journey working (decision 098).
// postcodes.io and the UK Parliament Members API are the repo's own stand-ins (e2e/stubs) on loopback
// ports, mail stays in the local outbox at /dev/mailbox, the data in its own embedded database
// (dutyofcare_demo, beside the development one), and every page carries a "Demo" banner.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { startMembersStub } from '../app/testing/stubs/members-api-stub'
import { postcodeFixtures } from '../app/testing/stubs/postcodes-fixtures'
import { startPostcodesStub } from '../app/testing/stubs/postcodes-io-stub'
import { ROOT } from '../server/database'
import { exitWithSentence, startEmbeddedPostgres } from '../server/embedded-postgres'

const port = process.env.PORT ?? '3000'
const admin = { email: process.env.ADMIN_EMAIL ?? 'admin@example.org', password: process.env.ADMIN_PASSWORD ?? 'demo-password-please-change' }

const postcodes = await startPostcodesStub(Number(process.env.DEMO_POSTCODES_PORT ?? 0))
const members = await startMembersStub(Number(process.env.DEMO_MEMBERS_PORT ?? 0))
const database = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dir: path.join(ROOT, '.data', 'postgres'), port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329), database: 'dutyofcare_demo' }).catch(exitWithSentence)

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'development',
  DEMO: 'on',
  PORT: port,
  DATABASE_URL: database.url,
  POSTCODES_IO_URL: postcodes.url,
  MEMBERS_API_URL: members.url,
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
}
delete env.RESEND_API_KEY // the local outbox: nothing leaves this machine

const app = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], { cwd: ROOT, stdio: 'inherit', env })

console.log(`
Demo: http://localhost:${port}
  Postcodes that work (stand-in postcodes.io): ${postcodeFixtures.filter((f) => f.code).map((f) => f.postcode).join(', ')}
  Emails (confirmations, letters to MPs): http://localhost:${port}/dev/mailbox
  Campaign dashboard: http://localhost:${port}/admin — ${admin.email} / ${admin.password}
`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  app.kill('SIGTERM')
  await new Promise((resolve) => app.once('exit', resolve))
  await Promise.all([postcodes.close(), members.close()])
  await database.stop()
  process.exit(0)
}
app.on('exit', (code) => {
  if (stopping) return
  void Promise.all([postcodes.close(), members.close(), database.stop()]).finally(() => process.exit(code ?? 1))
})
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
