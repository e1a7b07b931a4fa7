// Makes sure DATABASE_URL points at a migrated database: the embedded one
// under .data/ when it is unset, then `prisma migrate deploy`.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { exitWithSentence, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres'

export const ROOT = path.resolve(import.meta.dirname, '..')

export async function ensureDatabaseUrl(): Promise<EmbeddedDatabase | undefined> {
  if (process.env.DATABASE_URL) return undefined
  const db = await startEmbeddedPostgres({
    dir: path.join(ROOT, '.data', 'postgres'),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    database: 'dutyofcare',
  }).catch(exitWithSentence)
  process.env.DATABASE_URL = db.url
  console.log(`Using the embedded PostgreSQL (data in .data/postgres): ${db.url.replace(/:[^:@/]+@/, ':***@')}`)
  return db
}

/**
 * `prisma migrate deploy` on a direct connection: DIRECT_DATABASE_URL when DATABASE_URL is a pooler
 * (migrations hold a session-level advisory lock, which PgBouncer in transaction mode cannot keep).
 */
export function migrateDatabase(databaseUrl = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL) {
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, DIRECT_DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`)
  }
}
