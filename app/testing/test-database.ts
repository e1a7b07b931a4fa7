// Test databases: one migrated template, then a fresh copy per test file
// (CREATE DATABASE … TEMPLATE is a file copy: milliseconds, not a migration).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { migrateDatabase, ROOT } from '../../server/database'
import { exitWithSentence, startEmbeddedPostgres } from '../../server/embedded-postgres'

/** Named after the migrations it holds, so concurrent runs share it and a new migration makes a new one. */
export const TEMPLATE_DATABASE = `dutyofcare_template_${migrationsFingerprint()}`

function migrationsFingerprint() {
  const dir = path.join(ROOT, 'prisma', 'migrations')
  const hash = crypto.createHash('sha256')
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'migration.sql')
    if (fs.existsSync(file)) hash.update(name).update(fs.readFileSync(file))
  }
  return hash.digest('hex').slice(0, 12)
}

function withDatabase(url: string, database: string) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** A Postgres to test against: DATABASE_URL's server if set, else an embedded one under .data/test-postgres. */
export async function ensureTestServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.TEST_ADMIN_DATABASE_URL) return { adminUrl: process.env.TEST_ADMIN_DATABASE_URL, stop: async () => {} }
  if (process.env.DATABASE_URL) {
    const adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres')
    process.env.TEST_ADMIN_DATABASE_URL = adminUrl
    return { adminUrl, stop: async () => {} }
  }
  const db = await startEmbeddedPostgres({
    dir: path.join(ROOT, '.data', 'test-postgres'),
    port: Number(process.env.TEST_POSTGRES_PORT ?? 54330),
    database: 'postgres',
    anyPortIfBusy: !process.env.TEST_POSTGRES_PORT,
  }).catch(exitWithSentence)
  process.env.TEST_ADMIN_DATABASE_URL = db.url
  return { adminUrl: db.url, stop: db.stop }
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Creates the migrated template once per set of migrations; safe to call from concurrent runs. */
export async function createTemplateDatabase(adminUrl: string) {
  await admin(adminUrl, async (c) => {
    await c.query('SELECT pg_advisory_lock(4242)')
    try {
      // A run killed while dropping its database leaves it invalid (PostgreSQL 15+: datconnlimit -2); nothing can use it.
      // Only names these helpers make (<prefix>_<12 hex>, the template's): DATABASE_URL's server may hold others'.
      const { rows: invalid } = await c.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datconnlimit = -2 AND (datname ~ '^[a-z0-9]+_[0-9a-f]{12}$' OR datname LIKE 'dutyofcare\\_template\\_%')",
      )
      for (const { datname } of invalid) await c.query(`DROP DATABASE IF EXISTS "${datname}"`)
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE])
      if (rowCount) return
      const building = `${TEMPLATE_DATABASE}_building`
      await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
      await c.query(`CREATE DATABASE "${building}"`)
      migrateDatabase(withDatabase(adminUrl, building))
      await c.query(`ALTER DATABASE "${building}" RENAME TO "${TEMPLATE_DATABASE}"`)
    } finally {
      await c.query('SELECT pg_advisory_unlock(4242)')
    }
  })
}

export async function createTestDatabase(adminUrl: string, prefix = 'test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`))
  return {
    url: withDatabase(adminUrl, name),
    drop: () => admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  }
}
