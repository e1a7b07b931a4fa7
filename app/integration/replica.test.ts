// DATABASE_REPLICA_URL: a second database stands in for the replica, a copy of this test's
// database whose figures differ, so each query shows where it went. Dashboard figures,
// exports and the public counts come from the replica; writes, and reads that must see
// a write just made (confirming a signature), stay on the primary.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../testing/context'

const primaryUrl = testContext().databaseUrl
const replicaUrl = (() => {
  const u = new URL(primaryUrl)
  u.pathname = `${u.pathname}_replica`
  return u.toString()
})()

async function on<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!
const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1))

// The copy is made before anything in this process connects to the primary (CREATE DATABASE … TEMPLATE needs it idle),
// and the variable is set before the first module reads the configuration.
await on(adminUrl, (c) => c.query(`CREATE DATABASE "${databaseName(replicaUrl)}" TEMPLATE "${databaseName(primaryUrl)}"`))
process.env.DATABASE_REPLICA_URL = replicaUrl

const { prisma, replica, disconnectDatabase } = await import('~/lib/db.server')
const { petitionJson } = await import('~/petition/public-counts.server')
const { dashboardFigures } = await import('~/admin/figures.server')
const { confirmedSignatureBatches } = await import('~/admin/exports.server')
const { signPetition } = await import('~/petition/sign.server')
const { confirmSignature } = await import('~/petition/confirm.server')

/** The count row and one confirmed signature, different on each side. */
async function seed(url: string, count: number, signer: string) {
  await on(url, async (c) => {
    await c.query(`INSERT INTO "PetitionCount" (id, "signatureCount", "pendingCount", "updatedAt") VALUES (1, $1, 0, now())`, [count])
    await c.query(
      `INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "privacyVersion", state, "tokenHash", "tokenExpiresAt", "validatedAt")
       VALUES (gen_random_uuid(), $1, $2, $2, 'RG1 1AA', 'test', 'validated', $2, now() + interval '1 day', now())`,
      [signer, `${signer}@example.org`],
    )
  })
}

describe('reads from DATABASE_REPLICA_URL', () => {
  beforeAll(async () => {
    await seed(primaryUrl, 5, 'primary')
    await seed(replicaUrl, 7, 'replica')
  })

  afterAll(async () => {
    await disconnectDatabase()
    await on(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${databaseName(replicaUrl)}" WITH (FORCE)`))
  })

  it('uses a client of its own for the replica', () => {
    expect(replica).not.toBe(prisma)
  })

  it('serves the public count from the replica', async () => {
    expect((await petitionJson()).signature_count).toBe(7)
  })

  it('serves the dashboard figures from the replica', async () => {
    const figures = await dashboardFigures()
    expect(figures.signatures.confirmed).toBe(7)
  })

  it('exports the replica’s confirmed signers', async () => {
    const rows = []
    for await (const batch of confirmedSignatureBatches()) rows.push(...batch)
    expect(rows.map((r) => r[1])).toEqual(['replica@example.org'])
  })

  it('writes to the primary, and confirms what was just written there', async () => {
    await signPetition({ name: 'Read After Write', email: 'raw@example.org', postcode: 'RG1 1AA', optIn: false, website: undefined })
    expect(await prisma.signature.count({ where: { email: 'raw@example.org' } })).toBe(1)
    expect(await replica.signature.count({ where: { email: 'raw@example.org' } })).toBe(0)
    const email = await prisma.email.findFirstOrThrow({ where: { to: 'raw@example.org' } })
    const token = JSON.stringify(email.secrets).match(/petition\/confirm\/([A-Za-z0-9_-]+)/)![1]
    expect((await confirmSignature(token)).status).toBe('confirmed')
  })
})
