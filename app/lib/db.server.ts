// The Prisma clients (and their pg pools), one of each per process: `prisma` on the primary
// (DATABASE_URL: every write, and any read that must see a write just made), and `replica`
// for reads that may lag a moment behind (dashboard figures, exports, public counts) on
// DATABASE_REPLICA_URL — the primary's client itself when that is unset (decision 081).
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'
import { env } from './env.server'

declare global {
  var __prisma: PrismaClient | undefined
  var __replica: PrismaClient | undefined
}

function createClient(connectionString: string) {
  const adapter = new PrismaPg({
    connectionString,
    max: env().DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  })
  return new PrismaClient({ adapter })
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createClient(env().DATABASE_URL))

/** Reads only, that may lag behind the primary: dashboard figures, exports, /petition.json and the count on pages. */
export const replica: PrismaClient = (globalThis.__replica ??=
  env().DATABASE_REPLICA_URL === env().DATABASE_URL ? prisma : createClient(env().DATABASE_REPLICA_URL))

/** Closes both clients' connections (at shutdown). */
export async function disconnectDatabase() {
  await Promise.all([prisma.$disconnect(), replica === prisma ? undefined : replica.$disconnect()])
}
