// Resend's rate limit is per account: workers in separate processes must
// share one pace. Two concurrent senders stand in for two processes here
// (they share nothing but the database, as processes would).
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { testContext } from '~/testing/context'
import { makeOutboxDue } from '~/testing/outbox'
import { deliverBatch } from './deliver.server'
import { pauseSending, reserveSendSlot, waitForSendSlot } from './pace.server'

/** Emails already split into one-email batches, so each is one request to Resend. */
async function queueSingleEmailBatches(n: number) {
  await prisma.$executeRaw`
    INSERT INTO "Email" (id, kind, "to", subject, template, data, "idempotencyKey", "retryAt", "updatedAt")
    SELECT gen_random_uuid(), 'already_signed', 'reader' || i || '@example.org', 'Hello', 'already-signed',
      '{"name":"Reader","writeUrl":"http://campaign.test/write"}'::jsonb, gen_random_uuid()::text, now(), now()
    FROM generate_series(1, ${n}) AS i`
}

async function worker(beforeSend?: () => Promise<void>) {
  for (;;) {
    const report = await deliverBatch(async () => ({ html: '<p>An email</p>', text: 'An email' }), { beforeSend })
    if (!report.claimed) return
    if (report.pauseMs) await makeOutboxDue()
  }
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Setting" CASCADE`
})

describe('the shared sending pace', () => {
  it('hands out slots in order, never closer than the gap, whoever asks', async () => {
    const started = Date.now()
    const waits = await Promise.all(Array.from({ length: 6 }, () => reserveSendSlot(200)))
    const reserving = Date.now() - started
    waits.sort((a, b) => a - b)
    expect(waits[0]).toBeLessThan(100)
    // Six slots 200 ms apart: the last is a second after the first, less however long reserving them took
    // (six locked upserts on a busy machine can take more than the 100 ms a fixed bound once allowed).
    expect(waits[5]).toBeGreaterThanOrEqual(1000 - reserving - 20)
    expect(waits[5]).toBeLessThanOrEqual(1000)
  })

  it('makes every process wait after a 429', async () => {
    await pauseSending(3000)
    expect(await reserveSendSlot(100)).toBeGreaterThanOrEqual(2800)
    // A shorter pause never shortens a longer one.
    await pauseSending(10)
    expect(await reserveSendSlot(100)).toBeGreaterThanOrEqual(2800)
  })

  it('keeps two concurrent workers under the account limit', async () => {
    const { resend } = testContext()
    resend.limitRate(2)

    await queueSingleEmailBatches(6)
    const paced = waitForSendSlot(600)
    await Promise.all([worker(paced), worker(paced)])
    expect(resend.requests.map((r) => r.status)).toEqual(Array(6).fill(200))
    expect(resend.emails).toHaveLength(6)
    expect(await prisma.email.count({ where: { status: 'sent' } })).toBe(6)

    // Without the shared pace, the same two workers overrun the limit (what the pace prevents).
    resend.reset()
    resend.limitRate(2)
    await prisma.$executeRaw`TRUNCATE "Email" CASCADE`
    await queueSingleEmailBatches(6)
    await Promise.all([worker(), worker()])
    expect(resend.requests.some((r) => r.status === 429)).toBe(true)
  })
})
