// The Prisma clients (and their pg pools), one of each per process: `prisma` on the primary
// (DATABASE_URL: every write, and any read that must see a write just made), and `replica`
// for reads that may lag a moment behind (dashboard figures, exports, public counts) on
// DATABASE_REPLICA_URL — the primary's client itself when that is unset (decision 081).
//
// The primary's pg pool is also exported (`primaryPool`) for the one statement on the signing hot
// path that skips Prisma's query compiler (decision 084); Prisma and it share the same connections.
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '~/generated/prisma/client'
import { env } from './env.server'
import { log } from './log.server'

declare global {
  var __prisma: PrismaClient | undefined
  var __replica: PrismaClient | undefined
  var __primaryPool: pg.Pool | undefined
}

function createPool(connectionString: string) {
  const pool = new pg.Pool({
    connectionString,
    max: env().DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  })
  // An idle connection dropped by a database restart is replaced on next use, not fatal.
  pool.on('error', (error) => log.warn({ reason: error.message }, 'database: idle connection lost'))
  return pool
}

/** `$disconnect` ends the pool too (at shutdown), as it did when the adapter made its own. */
function createClient(pool: pg.Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) })
}

/** The primary's connections: Prisma's, and the signing statement's (run as unnamed statements, PgBouncer-safe). */
export const primaryPool: pg.Pool = (globalThis.__primaryPool ??= createPool(env().DATABASE_URL))

export const prisma: PrismaClient = (globalThis.__prisma ??= createClient(primaryPool))

/** Reads only, that may lag behind the primary: dashboard figures, exports, /petition.json and the count on pages. */
export const replica: PrismaClient = (globalThis.__replica ??=
  env().DATABASE_REPLICA_URL === env().DATABASE_URL ? prisma : createClient(createPool(env().DATABASE_REPLICA_URL)))

/** Closes both clients' connections (at shutdown). */
export async function disconnectDatabase() {
  await Promise.all([prisma.$disconnect(), replica === prisma ? undefined : replica.$disconnect()])
}
