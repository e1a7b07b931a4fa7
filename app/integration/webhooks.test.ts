// POST /webhooks/resend, from signature checks to what each event changes,
// on a real database with emails really sent through the Resend stub.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { trackLetters } from '~/letters/progress.server'
import { signPetition } from '~/petition/sign.server'
import { testContext } from '~/testing/context'
import { resendEvent, signWebhook } from '~/testing/webhooks'
import { deliverAllDue } from '~/emails/outbox.server'
import { isSuppressed, liftSuppression } from '~/mail/suppression.server'
import { receiveResendWebhook, settleWebhookEvents } from '~/mail/webhooks.server'

const SECRET = vi.hoisted(() => {
  const secret = `whsec_${Buffer.from('unit-test webhook secret 0123456789').toString('base64')}`
  process.env.RESEND_WEBHOOK_SECRET = secret
  return secret
})

let ipCounter = 0
async function post(signed: { body: string; headers: Record<string, string> }, overrideHeaders: Record<string, string> = {}) {
  const request = new Request('http://campaign.test/webhooks/resend', {
    method: 'POST',
    headers: { ...signed.headers, ...overrideHeaders },
    body: signed.body,
  })
  const outcome = await receiveResendWebhook(request, `198.51.100.${++ipCounter % 250}`)
  return outcome.status
}

/** A confirmation email really sent through the stub: its row and Resend's id for it. */
async function sentConfirmation(address = 'rosa@example.org') {
  await signPetition({ name: 'Rosa Diaz', email: address, postcode: 'RG1 1AA', optIn: false })
  await deliverAllDue()
  const email = await prisma.email.findFirstOrThrow({ where: { to: address }, orderBy: { createdAt: 'desc' } })
  expect(email.status).toBe('sent')
  return { email, providerId: email.providerId! }
}

async function snapshot() {
  return {
    emails: await prisma.email.findMany({ select: { id: true, status: true }, orderBy: { id: 'asc' } }),
    suppressions: await prisma.suppression.count(),
    events: await prisma.webhookEvent.count(),
  }
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Suppression", "WebhookEvent", "Letter", "Mp", "Constituency" CASCADE`
})

describe('signature verification', () => {
  it('accepts a correctly signed bounce: the email is bounced and the address suppressed', async () => {
    const { email, providerId } = await sentConfirmation()
    const status = await post(signWebhook(SECRET, resendEvent('email.bounced', providerId, 'rosa@example.org', { bounce: { type: 'Permanent', subType: 'General', message: 'Mailbox does not exist' } })))
    expect(status).toBe(200)
    const after = await prisma.email.findUniqueOrThrow({ where: { id: email.id } })
    expect(after.status).toBe('bounced')
    expect(after.lastError).toContain('Mailbox does not exist')
    expect(await isSuppressed('Rosa@Example.org')).toMatchObject({ suppressed: true, reason: 'bounce' })
    // Only that address: a +tag variant on a domain we know nothing about may be someone else's mailbox.
    expect(await isSuppressed('rosa+petition@example.org')).toEqual({ suppressed: false })

    // The app never emails that mailbox again: signing again queues a confirmation the sender drops.
    await signPetition({ name: 'Rosa Diaz', email: 'rosa@example.org', postcode: 'RG1 1AA', optIn: false })
    const report = await deliverAllDue()
    expect(report.suppressed).toBe(1)
    expect(testContext().resend.emails).toHaveLength(1)
  })

  it('refuses a tampered body, a wrong secret, missing headers and stale or future timestamps, changing nothing', async () => {
    const { providerId } = await sentConfirmation()
    const before = await snapshot()
    const event = resendEvent('email.bounced', providerId, 'rosa@example.org', { bounce: { type: 'Permanent' } })
    const good = signWebhook(SECRET, event)

    expect(await post({ ...good, body: good.body.replace('email.bounced', 'email.complained') })).toBe(401)
    expect(await post(signWebhook(`whsec_${Buffer.from('somebody else').toString('base64')}`, event))).toBe(401)
    expect(await post(good, { 'svix-signature': 'v1,' + Buffer.alloc(32).toString('base64') })).toBe(401)
    expect(await post(good, { 'svix-signature': '' })).toBe(401)
    expect(await post({ body: good.body, headers: { 'content-type': 'application/json' } })).toBe(401)
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60
    expect(await post(signWebhook(SECRET, event, { timestamp: sixMinutesAgo }))).toBe(401)
    expect(await post(signWebhook(SECRET, event, { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 }))).toBe(401)
    expect(await post(signWebhook(SECRET, 'not json'))).toBe(401)

    expect(await snapshot()).toEqual(before)
    expect(await isSuppressed('rosa@example.org')).toEqual({ suppressed: false })
  })

  it('accepts a signature made four minutes ago, and any matching one among several', async () => {
    const { email, providerId } = await sentConfirmation()
    const signed = signWebhook(SECRET, resendEvent('email.delivered', providerId, 'rosa@example.org'), { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 })
    const rotated = `v1,${Buffer.alloc(32, 7).toString('base64')} ${signed.headers['svix-signature']}`
    expect(await post(signed, { 'svix-signature': rotated })).toBe(200)
    expect((await prisma.email.findUniqueOrThrow({ where: { id: email.id } })).status).toBe('delivered')
  })

  it('refuses every webhook while RESEND_WEBHOOK_SECRET is unset', async () => {
    const { email, providerId } = await sentConfirmation()
    const config = env()
    config.RESEND_WEBHOOK_SECRET = undefined
    try {
      expect(await post(signWebhook(SECRET, resendEvent('email.bounced', providerId, 'rosa@example.org')))).toBe(401)
    } finally {
      config.RESEND_WEBHOOK_SECRET = SECRET
    }
    expect((await prisma.email.findUniqueOrThrow({ where: { id: email.id } })).status).toBe('sent')
  })

  it('applies a replayed event once, even if the replay carries different content', async () => {
    const { email, providerId } = await sentConfirmation()
    const delivered = signWebhook(SECRET, resendEvent('email.delivered', providerId, 'rosa@example.org'), { id: 'msg_replayed' })
    expect(await post(delivered)).toBe(200)
    expect(await post(delivered)).toBe(200)
    const sameIdOtherEvent = signWebhook(SECRET, resendEvent('email.complained', providerId, 'rosa@example.org'), { id: 'msg_replayed' })
    expect(await post(sameIdOtherEvent)).toBe(200)
    expect(await prisma.webhookEvent.count()).toBe(1)
    expect((await prisma.email.findUniqueOrThrow({ where: { id: email.id } })).status).toBe('delivered')
    expect(await prisma.suppression.count()).toBe(0)
  })
})

describe('what events change', () => {
  it('moves the status forward only, whatever order events arrive in', async () => {
    const { email, providerId } = await sentConfirmation()
    const status = async () => (await prisma.email.findUniqueOrThrow({ where: { id: email.id } })).status
    await post(signWebhook(SECRET, resendEvent('email.delivery_delayed', providerId, 'rosa@example.org')))
    expect(await status()).toBe('delivery_delayed')
    await post(signWebhook(SECRET, resendEvent('email.delivered', providerId, 'rosa@example.org')))
    expect(await status()).toBe('delivered')
    await post(signWebhook(SECRET, resendEvent('email.sent', providerId, 'rosa@example.org')))
    expect(await status()).toBe('delivered')
    await post(signWebhook(SECRET, resendEvent('email.complained', providerId, 'rosa@example.org')))
    expect(await status()).toBe('complained')
    expect(await isSuppressed('rosa@example.org')).toMatchObject({ suppressed: true, reason: 'complaint' })
  })

  it('does not suppress an address after a soft (transient) bounce', async () => {
    const { email, providerId } = await sentConfirmation()
    await post(signWebhook(SECRET, resendEvent('email.bounced', providerId, 'rosa@example.org', { bounce: { type: 'Transient', subType: 'MailboxFull', message: 'Mailbox full' } })))
    expect((await prisma.email.findUniqueOrThrow({ where: { id: email.id } })).status).toBe('bounced')
    expect(await isSuppressed('rosa@example.org')).toEqual({ suppressed: false })
  })

  it('ignores events it does not handle and emails it does not know', async () => {
    const { email, providerId } = await sentConfirmation()
    expect(await post(signWebhook(SECRET, resendEvent('email.opened', providerId, 'rosa@example.org')))).toBe(200)
    expect(await post(signWebhook(SECRET, { type: 'domain.updated', created_at: new Date().toISOString(), data: { id: 'd_1' } }))).toBe(200)
    expect((await prisma.email.findUniqueOrThrow({ where: { id: email.id } })).status).toBe('sent')
  })

  it('applies an event that arrives before the email is recorded as sent, once it is', async () => {
    const { email, providerId } = await sentConfirmation()
    await prisma.email.update({ where: { id: email.id }, data: { providerId: null, status: 'sending' } })
    expect(await post(signWebhook(SECRET, resendEvent('email.bounced', 'not-yet-known', 'rosa@example.org', { bounce: { type: 'Permanent' } })))).toBe(200)
    expect(await post(signWebhook(SECRET, resendEvent('email.delivered', providerId, 'rosa@example.org')))).toBe(200)
    expect(await settleWebhookEvents()).toBe(0)

    await prisma.email.update({ where: { id: email.id }, data: { providerId, status: 'sent' } })
    expect(await settleWebhookEvents()).toBe(1)
    expect((await prisma.email.findUniqueOrThrow({ where: { id: email.id } })).status).toBe('delivered')
    // The event for an email that is not ours is dropped after a while, not retried for ever.
    expect(await prisma.webhookEvent.count({ where: { processedAt: null } })).toBe(1)
    await settleWebhookEvents(undefined, new Date(Date.now() + 16 * 60 * 1000))
    expect(await prisma.webhookEvent.count({ where: { processedAt: null } })).toBe(0)
  })

  it('marks a letter to an MP delivered, or held with the MP flagged for campaigners (through the letters tracker)', async () => {
    await prisma.constituency.create({ data: { onsCode: 'E14001438', name: 'Reading Central', nameKey: 'reading central', nation: 'England' } })
    await prisma.mp.create({ data: { id: 4001, name: 'A Member', fullTitle: 'A Member MP', party: 'Independent', email: 'a.member@parliament.uk', constituencyCode: 'E14001438' } })
    const letter = (n: number) =>
      prisma.letter.create({
        data: {
          state: 'sent', mpId: 4001, constituencyCode: 'E14001438', name: `Writer ${n}`, email: `writer${n}@example.org`,
          emailKey: `writer${n}@example.org`, postcode: 'RG1 1AA', body: 'Please back the Bill.', personalisation: 0.5, sentAt: new Date(),
        },
      })
    const [first, second] = [await letter(1), await letter(2)]
    const sent = async (letterId: string, providerId: string) =>
      prisma.email.create({
        data: { kind: 'letter_to_mp', to: 'a.member@parliament.uk', subject: 'A letter', template: 'letter-to-mp', data: {}, status: 'sent', providerId, letterId },
      })
    await sent(first.id, 'prov-1')
    await sent(second.id, 'prov-2')

    await post(signWebhook(SECRET, resendEvent('email.delivered', 'prov-1', 'a.member@parliament.uk')))
    await trackLetters()
    const delivered = await prisma.letter.findUniqueOrThrow({ where: { id: first.id } })
    expect(delivered.state).toBe('delivered')
    expect(delivered.deliveredAt).not.toBeNull()
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 4001 } })).emailBouncedAt).toBeNull()

    await post(signWebhook(SECRET, resendEvent('email.bounced', 'prov-2', 'a.member@parliament.uk', { bounce: { type: 'Permanent' } })))
    await trackLetters()
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ state: 'confirmed', heldAt: expect.any(Date) })
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 4001 } })).emailBouncedAt).not.toBeNull()
    // Mail to MPs is governed by the MP's flag, never by suppression (app/letters/held-letters.test.ts).
    expect(await isSuppressed('a.member@parliament.uk')).toEqual({ suppressed: false })
    expect(await liftSuppression('a.member@parliament.uk')).toBe(false)
  })
})
