// The worker is killed (SIGKILL: no goodbye) in the middle of sending a batch,
// twice — once while it holds a claimed batch, once right after Resend has
// accepted a batch but before the worker recorded it — then restarted. Every
// confirmation email must reach Resend exactly once: the claimed batch comes
// back under the same Idempotency-Key when its lease runs out, so Resend
// answers the retry from its record instead of sending again.
import { afterAll, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { signPetition } from '~/petition/sign.server'
import { ensureBuilt, startApp, type AppProcess } from '../../scripts/bench/app-process'
import { testContext } from '../testing/context'
import { freePort } from '~/testing/free-port'
import { waitFor, waitForProgress } from './load'

const SIGNATURES = 450
let worker: AppProcess | undefined

afterAll(async () => {
  await worker?.stop('SIGKILL')
})

async function startWorker() {
  const { resend, postcodes, members, databaseUrl } = testContext()
  return startApp({
    entry: 'server/worker.ts',
    port: await freePort(), // unused by the worker alone
    databaseUrl,
    env: { RESEND_API_KEY: 're_killed_key', RESEND_BASE_URL: resend.url, POSTCODES_IO_URL: postcodes.url, MEMBERS_API_URL: members.url },
  })
}

/** What a lease running out looks like, two minutes early: the claimed batch is due again. */
async function expireLeases() {
  await prisma.email.updateMany({ where: { status: 'sending' }, data: { claimExpiresAt: new Date(Date.now() - 1000) } })
}

describe('worker killed in the middle of a batch', () => {
  it('sends every email exactly once after restarts', async () => {
    ensureBuilt({ build: false })
    const { resend } = testContext()
    for (let i = 0; i < SIGNATURES; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => signPetition({ name: `Kill Test ${i + j}`, email: `killed-${i + j}@resilience.example`, postcode: 'RG1 1AA', optIn: false, website: undefined })),
      )
    }

    // 1. Killed while it holds a claimed batch (rendering it or waiting for Resend).
    worker = await startWorker()
    await waitFor('a claimed batch', async () => (await prisma.email.count({ where: { status: 'sending' } })) > 0, 60_000, 2)
    await worker.stop('SIGKILL')
    const claimedAtKill = await prisma.email.count({ where: { status: 'sending' } })
    await expireLeases()

    // 2. Killed the moment Resend has accepted a batch, before the worker writes down that it was sent.
    worker = await startWorker()
    const requestsBefore = resend.requests.length
    await waitFor('Resend to accept a batch', async () => resend.requests.slice(requestsBefore).some((r) => r.status === 200), 60_000, 1)
    await worker.stop('SIGKILL')
    const acceptedButUnrecorded = resend.emails.length - (await prisma.email.count({ where: { status: 'sent' } }))
    await expireLeases()

    // 3. A clean run finishes the job.
    worker = await startWorker()
    await waitForProgress('the outbox to drain', () => prisma.email.count({ where: { status: { in: ['queued', 'sending'] } } }))
    await worker.stop()
    console.info(`worker killed: first kill left ${claimedAtKill} emails claimed; second left ${acceptedButUnrecorded} accepted by Resend but not recorded; ${resend.requests.length} requests to Resend in all`)

    const recipients = resend.emails.map((e) => e.to[0])
    expect(recipients.length).toBe(SIGNATURES)
    expect(new Set(recipients).size).toBe(SIGNATURES)
    expect(await prisma.email.count({ where: { status: 'sent' } })).toBe(SIGNATURES)
    // Secret links are erased once Resend has them.
    expect(Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Email" WHERE secrets IS NOT NULL`)[0].n)).toBe(0)
    expect(claimedAtKill).toBeGreaterThan(0)
    // A generous bound: the drain fails on a stall, not on a slow machine.
  }, 600_000)
})
