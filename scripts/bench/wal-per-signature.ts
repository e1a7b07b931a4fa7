// WAL written per signature (and per confirmation) on the primary: the figure that decides when one
// Postgres stops being enough (docs/performance.md, "Past one machine"). Signs SIGNATURES supporters
// through the same domain calls as the form (abuse limits on, the signature and its outbox email),
// then confirms them, on a fresh test database; prints bytes of WAL per signature and per confirmation.
//   npx tsx scripts/bench/wal-per-signature.ts        (SIGNATURES=5000 by default)
import pg from 'pg'
import { createTemplateDatabase, createTestDatabase, ensureTestServer } from '../../app/testing/test-database'

const SIGNATURES = Number(process.env.SIGNATURES ?? 5000)
const server = await ensureTestServer()
await createTemplateDatabase(server.adminUrl)
const database = await createTestDatabase(server.adminUrl, 'wal')
Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: database.url, RESEND_API_KEY: 're_wal', RATE_LIMITS: 'on' })

const { enforceSignatureLimits } = await import('~/lib/signature-limits.server')
const { signPetition } = await import('~/petition/sign.server')
const { prisma, disconnectDatabase } = await import('~/lib/db.server')
const probe = new pg.Client({ connectionString: database.url })
await probe.connect()
const lsn = async () => (await probe.query<{ lsn: string }>('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn
const walSince = async (from: string) => Number((await probe.query<{ n: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS n', [from])).rows[0].n)

await probe.query('CHECKPOINT') // full-page images after a checkpoint count too, as they would in production
const beforeSigning = await lsn()
const started = Date.now()
for (let i = 0; i < SIGNATURES; i += 25) {
  await Promise.all(
    Array.from({ length: Math.min(25, SIGNATURES - i) }, async (_, j) => {
      const n = i + j
      const email = `wal-${n}@example${n % 50}.org`
      await enforceSignatureLimits({ ip: `198.51.${(n >> 8) & 255}.${n & 255}`, email })
      await signPetition({ name: `Wal Supporter ${n}`, email, postcode: 'RG1 1AA', optIn: n % 3 === 0, website: undefined }, { ipAddress: '198.51.100.1' })
    }),
  )
}
const signingWal = await walSince(beforeSigning)
const seconds = (Date.now() - started) / 1000

const beforeConfirming = await lsn()
await prisma.$executeRaw`UPDATE "Signature" SET state = 'validated', "validatedAt" = now() WHERE email LIKE 'wal-%'`
const confirmingWal = await walSince(beforeConfirming)

console.log(`${SIGNATURES} signatures in ${seconds.toFixed(1)} s, in-process (${Math.round(SIGNATURES / seconds)}/s)`)
console.log(`WAL per signature (2 limit upserts + signature + outbox email): ${Math.round(signingWal / SIGNATURES)} bytes`)
console.log(`WAL per confirmation (one UPDATE each, batched here): ${Math.round(confirmingWal / SIGNATURES)} bytes`)
await probe.end()
await disconnectDatabase()
await database.drop()
await server.stop()
