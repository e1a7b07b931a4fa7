// Retention jobs and supporters' rights, with the clock passed in.
import { beforeEach, describe, expect, it } from 'vitest'
import { retention } from '~/campaign/retention'
import { prisma } from '~/lib/db.server'
import { purgeUnconfirmedLetters } from '~/letters/progress.server'
import { deliverAllDue } from '~/emails/outbox.server'
import { refreshCounts } from '~/petition/counts.server'
import { purgeUnconfirmedSignatures } from '~/petition/purge.server'
import { testContext } from '~/testing/context'
import { exportMyData, eraseMyData, myDataSummary, requestDataLink } from './my-data.server'
import { anonymiseAfterClose, CAMPAIGN_CLOSED_AT, eraseLetterBodies, purgeWebhookEvents, runRetention } from './retention.server'

const DAY = 24 * 3600 * 1000
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY)
const now = new Date()

async function seedPlaces() {
  await prisma.constituency.createMany({
    data: [
      { onsCode: 'E14001438', name: 'Reading Central', nameKey: 'reading central', nation: 'England' },
      { onsCode: 'S14000080', name: 'Edinburgh South', nameKey: 'edinburgh south', nation: 'Scotland' },
    ],
  })
  await prisma.mp.create({ data: { id: 4654, name: 'Matt Rodda', fullTitle: 'Matt Rodda MP', party: 'Labour', email: 'matt.rodda.mp@parliament.uk', constituencyCode: 'E14001438' } })
}

let tokenSeq = 0
async function signature(email: string, extra: Partial<{ state: 'pending' | 'validated' | 'invalidated'; constituencyCode: string; nation: string; createdAt: Date; optIn: boolean }> = {}) {
  const createdAt = extra.createdAt ?? now
  return prisma.signature.create({
    data: {
      name: `Name of ${email}`, email, emailKey: email, postcode: 'RG1 1AA', privacyVersion: 'v1', ipAddress: '203.0.113.9',
      tokenHash: `t${++tokenSeq}`, tokenExpiresAt: daysFrom(createdAt, retention.unconfirmedDays), createdAt,
      state: extra.state ?? 'validated', validatedAt: extra.state === 'pending' ? null : createdAt, locatedAt: createdAt,
      constituencyCode: extra.constituencyCode ?? 'E14001438', nation: extra.nation ?? 'England', optIn: extra.optIn ?? true,
    },
  })
}

async function letter(email: string, extra: Partial<{ state: 'pending' | 'sent' | 'delivered'; createdAt: Date; deliveredAt: Date | null }> = {}) {
  return prisma.letter.create({
    data: {
      mpId: 4654, constituencyCode: 'E14001438', name: `Name of ${email}`, email, emailKey: email, addressLine1: '1 High St', town: 'Reading',
      postcode: 'RG1 1AA', phone: '0118 000 0000', subject: 'Please back the Bill', body: 'My own words about why this matters.', personalisation: 0.6,
      fingerprint: [1, 2, 3], state: extra.state ?? 'delivered', createdAt: extra.createdAt ?? now, sentAt: extra.state === 'pending' ? null : (extra.createdAt ?? now),
      deliveredAt: extra.deliveredAt === undefined ? (extra.state === 'pending' || extra.state === 'sent' ? null : (extra.createdAt ?? now)) : extra.deliveredAt,
    },
  })
}

async function countsByPlace() {
  await refreshCounts()
  const constituencies = await prisma.constituencyCount.findMany({ orderBy: { onsCode: 'asc' }, select: { onsCode: true, signatureCount: true } })
  const nations = await prisma.$queryRaw<{ nation: string; n: number }[]>`
    SELECT nation, count(*)::int AS n FROM "Signature" WHERE state = 'validated' GROUP BY nation ORDER BY nation`
  const perMp = await prisma.$queryRaw<{ mpId: number; state: string; n: number }[]>`
    SELECT "mpId", state::text, count(*)::int AS n FROM "Letter" GROUP BY "mpId", state ORDER BY state`
  return { total: (await prisma.petitionCount.findFirstOrThrow()).signatureCount, constituencies, nations, perMp }
}

function dataLink(html: string | undefined) {
  const match = html?.match(/http:\/\/campaign\.test\/my-data\/([A-Za-z0-9_-]{43})/)
  if (!match) throw new Error('no data link in the email')
  return match[1]
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "Mp", "Constituency", "ConstituencyCount", "PetitionCount", "Suppression", "WebhookEvent", "Setting", "RateLimit" CASCADE`
  await seedPlaces()
})

describe('retention jobs', () => {
  it('deletes signatures and letters never confirmed once 30 days have passed, not before', async () => {
    const old = daysFrom(now, -1)
    await signature('pending@example.org', { state: 'pending', createdAt: old })
    await letter('pending@example.org', { state: 'pending', createdAt: old })
    await signature('kept@example.org', { createdAt: old })
    await letter('kept@example.org', { createdAt: old })

    expect(await purgeUnconfirmedSignatures(daysFrom(old, 29))).toBe(0)
    expect(await purgeUnconfirmedLetters(daysFrom(old, 29))).toBe(0)
    expect(await purgeUnconfirmedSignatures(daysFrom(old, 31))).toBe(1)
    expect(await purgeUnconfirmedLetters(daysFrom(old, 31))).toBe(1)
    expect((await prisma.signature.findMany()).map((s) => s.email)).toEqual(['kept@example.org'])
    expect((await prisma.letter.findMany()).map((l) => l.email)).toEqual(['kept@example.org'])
  })

  it('empties the emails of what it purges, so their address and name go too', async () => {
    const old = daysFrom(now, -40)
    const pending = await signature('pending@example.org', { state: 'pending', createdAt: old })
    const draft = await letter('pending@example.org', { state: 'pending', createdAt: old })
    await prisma.email.create({ data: { kind: 'signature_confirmation', to: 'pending@example.org', subject: 'Confirm', template: 'signature-confirmation', data: { name: 'Name of pending' }, status: 'sent', signatureId: pending.id } })
    await prisma.email.create({ data: { kind: 'letter_reminder', to: 'pending@example.org', subject: 'Reminder', template: 'letter-confirmation', data: { name: 'Name of pending' }, status: 'queued', letterId: draft.id } })
    expect(await purgeUnconfirmedSignatures(now)).toBe(1)
    expect(await purgeUnconfirmedLetters(now)).toBe(1)
    const emails = await prisma.email.findMany()
    expect(JSON.stringify(emails)).not.toContain('pending')
    expect(emails.map((e) => e.status).sort()).toEqual(['sent', 'suppressed'])
  })

  it('erases letter bodies 28 days after delivery, keeping the record that the letter was sent', async () => {
    const delivered = await letter('priya@example.org', { deliveredAt: now })
    const noReport = await letter('sam@example.org', { state: 'sent', deliveredAt: null })
    const pending = await letter('pat@example.org', { state: 'pending' })

    expect(await eraseLetterBodies(daysFrom(now, 27))).toBe(0)
    expect(await eraseLetterBodies(daysFrom(now, 29))).toBe(2)
    const erased = await prisma.letter.findUniqueOrThrow({ where: { id: delivered.id } })
    expect(erased).toMatchObject({ body: null, state: 'delivered', mpId: 4654, name: 'Name of priya@example.org', subject: 'Please back the Bill' })
    expect(erased.bodyErasedAt).toEqual(daysFrom(now, 29))
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: noReport.id } })).body).toBeNull()
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: pending.id } })).body).not.toBeNull()
    expect(await eraseLetterBodies(daysFrom(now, 60))).toBe(0)
  })

  it('forgets webhook events (which name recipients) after 30 days', async () => {
    await prisma.webhookEvent.create({ data: { id: 'msg_old', type: 'email.sent', payload: { data: { to: ['a@example.org'] } }, receivedAt: now } })
    expect(await purgeWebhookEvents(daysFrom(now, 29))).toBe(0)
    expect(await purgeWebhookEvents(daysFrom(now, 31))).toBe(1)
  })

  it('anonymises everyone six months after the campaign closes, keeping every count by constituency, nation and MP', async () => {
    await signature('a@example.org')
    await signature('b@example.org')
    await signature('c@example.org', { constituencyCode: 'S14000080', nation: 'Scotland' })
    await signature('struck@example.org', { state: 'invalidated' })
    await signature('pending@example.org', { state: 'pending' })
    await letter('a@example.org')
    await letter('b@example.org', { state: 'sent', deliveredAt: null })
    await prisma.suppression.create({ data: { emailKey: 'gone@example.org', reason: 'bounce' } })
    await prisma.webhookEvent.create({ data: { id: 'msg_1', type: 'email.sent', payload: {}, processedAt: now } })
    const sig = await prisma.signature.findUniqueOrThrow({ where: { emailKey: 'a@example.org' } })
    await prisma.email.create({ data: { kind: 'signature_confirmation', to: 'a@example.org', subject: 'Confirm', template: 'signature-confirmation', data: { name: 'A' }, status: 'sent', signatureId: sig.id } })
    const before = await countsByPlace()
    expect(before.total).toBe(3)

    expect((await anonymiseAfterClose(daysFrom(now, 400))).due).toBe(false) // not closed yet
    await prisma.setting.create({ data: { key: CAMPAIGN_CLOSED_AT, value: now.toISOString() } })
    expect((await runRetention(daysFrom(now, 150))).afterClose.due).toBe(false)

    const result = await anonymiseAfterClose(daysFrom(now, 6 * 31))
    expect(result).toEqual({ due: true, signatures: 4, letters: 2 })

    const people = JSON.stringify({
      signatures: await prisma.signature.findMany(),
      letters: await prisma.letter.findMany(),
      emails: await prisma.email.findMany(),
      suppressions: await prisma.suppression.findMany(),
      events: await prisma.webhookEvent.findMany(),
    })
    for (const trace of ['@example.org', 'Name of', '1 High St', '0118', 'My own words', '203.0.113.9', 'RG1 1AA']) expect(people).not.toContain(trace)
    expect(await countsByPlace()).toEqual(before)
    expect((await anonymiseAfterClose(daysFrom(now, 6 * 31 + 1))).signatures).toBe(0)
  })
})

describe("a supporter's data", () => {
  it('sends a link only to an address we hold, with the same answer either way, and rate-limits requests', async () => {
    await signature('priya@example.org')
    expect(await requestDataLink('stranger@example.org', { ipAddress: '198.51.100.1' })).toEqual({ status: 'sent' })
    // Any spelling that may reach her inbox gets the link, sent to the address as typed (decision 058).
    expect(await requestDataLink('Priya+x@example.org', { ipAddress: '198.51.100.1' })).toEqual({ status: 'sent' })
    await deliverAllDue()
    expect(testContext().resend.emails.map((e) => e.to[0])).toEqual(['Priya+x@example.org'])
    expect(testContext().resend.emails[0].subject).toBe('Your data held by the Duty of Care campaign')

    // Three requests a day per mailbox (a +tag at an unknown domain is another mailbox's count, decision 054).
    for (const ip of ['198.51.100.2', '198.51.100.3', '198.51.100.4']) await requestDataLink('priya@example.org', { ipAddress: ip })
    expect(await requestDataLink('Priya@example.org', { ipAddress: '198.51.100.5' })).toMatchObject({ status: 'throttled' })
  })

  it('downloads everything held as JSON, then erases it while the counts stay', async () => {
    const mine = await signature('priya@example.org')
    await signature('other@example.org')
    await letter('priya@example.org')
    await requestDataLink('priya@example.org', { ipAddress: '198.51.100.9' })
    await deliverAllDue()
    const token = dataLink(testContext().resend.emails[0].html)

    const summary = await myDataSummary(token)
    expect(summary).toMatchObject({ status: 'ok', address: 'priya@example.org', signature: { confirmed: true, updates: true }, letters: [{ mp: 'Matt Rodda', state: 'delivered' }] })

    const copy = await exportMyData(token)
    expect(copy).toMatchObject({
      signature: { name: 'Name of priya@example.org', email: 'priya@example.org', postcode: 'RG1 1AA', constituency: 'Reading Central', ipAddress: '203.0.113.9' },
      letters: [{ to: 'Matt Rodda', body: 'My own words about why this matters.', addressLine1: '1 High St' }],
    })
    expect(JSON.stringify(copy)).not.toContain('other@example.org')

    const before = await countsByPlace()
    expect(await eraseMyData(token)).toEqual({ status: 'erased' })
    const anonymised = await prisma.signature.findUniqueOrThrow({ where: { id: mine.id } })
    expect(anonymised).toMatchObject({ name: '', email: '', state: 'validated', constituencyCode: 'E14001438', ipAddress: null })
    expect(anonymised.anonymisedAt).not.toBeNull()
    expect(JSON.stringify(await prisma.letter.findMany())).not.toContain('priya')
    expect(JSON.stringify(await prisma.email.findMany())).not.toContain('priya')
    expect(await countsByPlace()).toEqual(before)
    expect((await prisma.signature.findUniqueOrThrow({ where: { emailKey: 'other@example.org' } })).name).toBe('Name of other@example.org')

    // The link dies with the data.
    expect(await myDataSummary(token)).toEqual({ status: 'invalid' })
    expect(await exportMyData(token)).toBeNull()
    expect(await eraseMyData(token)).toEqual({ status: 'invalid' })
  })

  it('reports updates as wanted only while ticked, not unsubscribed and not suppressed', async () => {
    const wants = async (address: string) => {
      await requestDataLink(address, { ipAddress: '198.51.100.20' })
      await deliverAllDue()
      const token = dataLink(testContext().resend.emails.find((e) => e.to[0] === address)?.html)
      const summary = await myDataSummary(token)
      return { page: summary.status === 'ok' ? summary.signature?.updates : undefined, copy: (await exportMyData(token))?.signature?.wantsUpdates }
    }
    await signature('ticked@example.org')
    await signature('unticked@example.org', { optIn: false })
    const unsubscribed = await signature('unsubscribed@example.org')
    await prisma.signature.update({ where: { id: unsubscribed.id }, data: { unsubscribedAt: now } })
    expect(await wants('ticked@example.org')).toEqual({ page: true, copy: true })
    expect(await wants('unticked@example.org')).toEqual({ page: false, copy: false })
    expect(await wants('unsubscribed@example.org')).toEqual({ page: false, copy: false })
    // Suppressed after the link went out (a complaint): the page and the copy say so at once.
    await signature('complained@example.org')
    await requestDataLink('complained@example.org', { ipAddress: '198.51.100.21' })
    await deliverAllDue()
    const token = dataLink(testContext().resend.emails.find((e) => e.to[0] === 'complained@example.org')?.html)
    await prisma.suppression.create({ data: { emailKey: 'complained@example.org', reason: 'complaint' } })
    expect(await myDataSummary(token)).toMatchObject({ signature: { updates: false } })
    expect((await exportMyData(token))?.signature).toMatchObject({ wantsUpdates: false, tickedUpdatesWhenSigning: true })
  })

  it('deletes a signature never confirmed, and refuses expired or malformed links', async () => {
    await signature('pat@example.org', { state: 'pending' })
    await requestDataLink('pat@example.org', { ipAddress: '198.51.100.10' })
    await deliverAllDue()
    const token = dataLink(testContext().resend.emails[0].html)
    expect(await myDataSummary(token, new Date(Date.now() + 25 * 3600 * 1000))).toEqual({ status: 'invalid' })
    expect(await myDataSummary('not-a-token')).toEqual({ status: 'invalid' })
    expect(await eraseMyData(token)).toEqual({ status: 'erased' })
    expect(await prisma.signature.count()).toBe(0)
  })
})
