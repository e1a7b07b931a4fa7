// The sender's bookkeeping (decision 076): a request keeps its Idempotency-Key through every retry while each
// attempt is a claim of its own, and a worker whose claim lapsed cannot undo what the worker that took over records.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { testContext } from '~/testing/context'
import { makeOutboxDue } from '~/testing/outbox'
import { resendError } from '~/testing/stubs/resend-stub'
import { deliverBatch, type DeliveryReport } from './deliver.server'
import { insertEmail } from './outbox.server'

const render = async () => ({ html: '<p>An email</p>', text: 'An email' })
const queue = (to: string) => prisma.$transaction((tx) => insertEmail(tx, { kind: 'already_signed', to, subject: 'Hello', template: 'any', data: {} }))
const rows = () =>
  prisma.email.findMany({
    select: { to: true, status: true, notBefore: true, idempotencyKey: true, retryAt: true, claimToken: true, claimExpiresAt: true, providerId: true },
    orderBy: { to: 'asc' },
  })

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Setting", "Suppression" CASCADE`
})

describe('one meaning per column', () => {
  it('retries a request under the key it was first sent with, each attempt under a claim of its own', async () => {
    const { resend } = testContext()
    await queue('ann@example.org')
    await queue('bo@example.org')
    const queuedAt = (await rows()).map((r) => r.notBefore)
    const claims: Awaited<ReturnType<typeof rows>>[] = []
    const seeClaim = async () => void claims.push(await rows())

    resend.failNext(resendError(429, 'rate_limit_exceeded', 'Too many requests', { 'retry-after': '60' }))
    expect(await deliverBatch(render, { beforeSend: seeClaim })).toMatchObject({ claimed: 2, deferred: 2 })
    const waiting = await rows()
    // Back in the queue: the retry waits out Retry-After; when it was queued, and its key, stay as they were.
    expect(waiting.map((r) => r.status)).toEqual(['queued', 'queued'])
    expect(waiting.map((r) => r.notBefore)).toEqual(queuedAt)
    expect(waiting[0].retryAt!.getTime()).toBeGreaterThan(Date.now() + 50_000)
    expect(waiting.map((r) => [r.claimToken, r.claimExpiresAt])).toEqual([[null, null], [null, null]])
    expect((await deliverBatch(render)).claimed).toBe(0)

    await makeOutboxDue()
    expect(await deliverBatch(render, { beforeSend: seeClaim })).toMatchObject({ claimed: 2, sent: 2 })

    const [first, second] = claims
    const key = first[0].idempotencyKey
    expect(key).toBeTruthy()
    // One request: both emails under one key and one claim, at both attempts, and the same key both times...
    for (const claim of claims) {
      expect(claim.map((r) => r.status)).toEqual(['sending', 'sending'])
      expect(claim.map((r) => r.idempotencyKey)).toEqual([key, key])
      expect(claim[1].claimToken).toBe(claim[0].claimToken)
      expect(claim[0].claimExpiresAt!.getTime()).toBeGreaterThan(Date.now())
    }
    expect(resend.requests.map((r) => r.idempotencyKey)).toEqual([key, key])
    // ...but each attempt a claim of its own.
    expect(second[0].claimToken).not.toBe(first[0].claimToken)
    expect((await rows()).map((r) => [r.status, r.claimToken])).toEqual([['sent', null], ['sent', null]])

    // A new request is a new key.
    await queue('cy@example.org')
    await deliverBatch(render)
    expect(resend.requests.at(-1)!.idempotencyKey).not.toBe(key)
  })

  it('keeps what the worker that took a lapsed claim over records, whatever the first worker does next', async () => {
    const { resend } = testContext()
    await queue('ann@example.org')
    let takeover: Promise<DeliveryReport> | undefined
    let firstIsDone!: () => void
    const firstDone = new Promise<void>((resolve) => (firstIsDone = resolve))

    const stalled = await deliverBatch(render, {
      beforeSend: async () => {
        // The first worker stalls past its lease: a second one takes the request over, and is about to send it...
        await prisma.email.updateMany({ where: { status: 'sending' }, data: { claimExpiresAt: new Date(Date.now() - 1000) } })
        let secondClaimed!: () => void
        const claimedBySecond = new Promise<void>((resolve) => (secondClaimed = resolve))
        takeover = deliverBatch(render, {
          beforeSend: async () => {
            secondClaimed()
            await firstDone
          },
        })
        await claimedBySecond
        // ...when the first one's request fails.
        resend.failNext(resendError(500, 'application_error', 'Something went wrong'))
      },
    })
    expect(stalled.deferred).toBe(1)
    firstIsDone()
    expect(await takeover).toMatchObject({ claimed: 1, sent: 1 })

    // The first worker's "try again later" did not put back in the queue what the second one sent.
    const [email] = await rows()
    expect(email).toMatchObject({ status: 'sent', claimToken: null, retryAt: null })
    expect(email.providerId).toBeTruthy()
    expect(resend.emails).toHaveLength(1)
    await makeOutboxDue()
    expect((await deliverBatch(render)).claimed).toBe(0)
  })
})
