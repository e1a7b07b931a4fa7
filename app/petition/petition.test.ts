// Sign → queued email → Resend (stub) → confirm → count, on a real database.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { deliverAllDue } from '~/emails/outbox.server'
import { testContext } from '~/testing/context'
import { makeOutboxDue } from '~/testing/outbox'
import { resendError } from '~/testing/stubs/resend-stub'
import { confirmSignature, signatureLinkState } from './confirm.server'
import { refreshCounts } from './counts.server'
import { locateSignatures } from './locate.server'
import { petitionJson } from './public-counts.server'
import { signPetition } from './sign.server'

const priya = { name: 'Priya Shah', email: 'priya@example.org', postcode: 'RG1 1AA', optIn: true }

function confirmLink(html: string | undefined) {
  const match = html?.match(/http:\/\/campaign\.test\/petition\/confirm\/([A-Za-z0-9_-]+)/)
  if (!match) throw new Error('no confirmation link in the email')
  return match[1]
}


beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "ConstituencyCount", "PetitionCount", "Constituency", "Suppression" CASCADE`
})

describe('signing the petition', () => {
  it('stores a pending signature and emails a link whose page’s button counts it', async () => {
    await signPetition(priya, { ipAddress: '203.0.113.5' })
    const signature = await prisma.signature.findFirstOrThrow()
    expect(signature).toMatchObject({ state: 'pending', postcode: 'RG1 1AA', optIn: true, ipAddress: '203.0.113.5' })
    expect((await refreshCounts()).total).toBe(0)

    await deliverAllDue()
    const { resend } = testContext()
    expect(resend.emails).toHaveLength(1)
    expect(resend.emails[0].to).toEqual(['priya@example.org'])
    expect(resend.emails[0].from).toBe('"Duty of Care campaign" <campaign@dutyofcare.test>')
    const token = confirmLink(resend.emails[0].html)
    expect(resend.emails[0].text).toContain(token)

    // Only the hash of the token is kept, and the link is erased from the outbox once sent.
    const stored = await prisma.signature.findFirstOrThrow()
    expect(stored.tokenHash).not.toContain(token)
    expect((await prisma.email.findFirstOrThrow()).secrets).toBeNull()

    // Opening the link (as a mail scanner does, any number of times) only reads.
    expect(await signatureLinkState(token)).toEqual({ status: 'pending' })
    expect(await signatureLinkState(token)).toEqual({ status: 'pending' })
    expect((await prisma.signature.findFirstOrThrow()).state).toBe('pending')

    expect(await confirmSignature(token)).toEqual({ status: 'confirmed', signatureId: signature.id })
    expect(await confirmSignature(token)).toEqual({ status: 'already-confirmed' })
    expect(await signatureLinkState(token)).toEqual({ status: 'already-confirmed' })
    expect((await refreshCounts()).total).toBe(1)
  })

  it('refuses malformed, unknown and expired links', async () => {
    expect(await confirmSignature('short')).toEqual({ status: 'invalid' })
    expect(await confirmSignature('A'.repeat(43))).toEqual({ status: 'invalid' })
    await signPetition(priya)
    await deliverAllDue()
    const token = confirmLink(testContext().resend.emails[0].html)
    await prisma.signature.updateMany({ data: { tokenExpiresAt: new Date(Date.now() - 1000) } })
    expect(await confirmSignature(token)).toEqual({ status: 'invalid' })
    expect((await refreshCounts()).total).toBe(0)
  })

  it('never counts the same mailbox twice, and re-sends a fresh link while pending', async () => {
    await signPetition(priya)
    await signPetition({ ...priya, email: 'Priya@Example.org', name: 'Priya S' })
    expect(await prisma.signature.count()).toBe(1)
    await deliverAllDue()
    const { resend } = testContext()
    expect(resend.emails).toHaveLength(2)
    const [first, second] = resend.emails.map((e) => confirmLink(e.html))
    expect(second).not.toBe(first)
    expect(await confirmSignature(first)).toEqual({ status: 'invalid' })
    expect((await confirmSignature(second)).status).toBe('confirmed')

    await signPetition({ ...priya, email: 'PRIYA@example.org' })
    await deliverAllDue()
    expect(resend.emails).toHaveLength(3)
    expect(resend.emails[2].subject).toBe('You have already signed the Duty of Care petition')
    expect(resend.emails[2].html).not.toContain('/petition/confirm/')
    expect((await refreshCounts()).total).toBe(1)
  })

  it('never replaces a signer\'s name, address, postcode or consent when someone signs again with their address', async () => {
    await signPetition({ ...priya, optIn: false })
    await signPetition({ name: 'Someone Else', email: 'PRIYA@Example.org', postcode: 'SW1A 1AA', optIn: true })
    const unchanged = { name: 'Priya Shah', email: 'priya@example.org', postcode: 'RG1 1AA', optIn: false }
    expect(await prisma.signature.findFirstOrThrow()).toMatchObject({ ...unchanged, state: 'pending' })
    await deliverAllDue()
    const { resend } = testContext()
    // The fresh link goes to the address that signed, for the details it signed with.
    expect(resend.emails.map((e) => e.to[0])).toEqual(['priya@example.org', 'priya@example.org'])
    expect(resend.emails[1].html).toContain('Priya Shah')
    expect(resend.emails[1].html).not.toContain('Someone Else')
    expect((await confirmSignature(confirmLink(resend.emails[1].html))).status).toBe('confirmed')
    expect(await prisma.signature.findFirstOrThrow()).toMatchObject({ ...unchanged, state: 'validated' })

    await signPetition({ name: 'Someone Else', email: 'Priya@example.org', postcode: 'SW1A 1AA', optIn: true })
    await deliverAllDue()
    expect(resend.emails[2]).toMatchObject({ to: ['priya@example.org'], subject: 'You have already signed the Duty of Care petition' })
    expect(resend.emails[2].html).not.toContain('Someone Else')
    expect(await prisma.signature.findFirstOrThrow()).toMatchObject(unchanged)
  })

  it('treats Gmail dots and googlemail.com as one person, and +tags where the provider delivers them to one mailbox', async () => {
    await signPetition({ ...priya, email: 'priya.shah@gmail.com' })
    await signPetition({ ...priya, email: 'priyashah+petition@googlemail.com' })
    await signPetition({ ...priya, email: 'priya@outlook.com' })
    await signPetition({ ...priya, email: 'Priya+petition@Outlook.com' })
    expect(await prisma.signature.count()).toBe(2)
  })

  it('keeps +tag addresses on other domains apart: they may be other people’s mailboxes', async () => {
    // Signing as a look-alike of someone's address must not take their place on the petition.
    await signPetition({ ...priya, email: 'jane.smith.mp+x@parliament.uk' })
    await signPetition({ ...priya, email: 'jane.smith.mp@parliament.uk' })
    expect((await prisma.signature.findMany({ orderBy: { createdAt: 'asc' } })).map((s) => s.emailKey)).toEqual([
      'jane.smith.mp+x@parliament.uk',
      'jane.smith.mp@parliament.uk',
    ])
  })

  it('stops emailing an address after a few repeat signatures', async () => {
    for (let i = 0; i < 10; i++) await signPetition(priya)
    await deliverAllDue()
    expect(testContext().resend.emails).toHaveLength(4)
  })
})

describe('when Resend fails', () => {
  it('retries after 500 and 429 and delivers each email exactly once', async () => {
    const { resend } = testContext()
    resend.failNext(
      resendError(500, 'application_error', 'Something went wrong'),
      resendError(429, 'rate_limit_exceeded', 'Too many requests', { 'retry-after': '2' }),
    )
    await signPetition(priya)
    await signPetition({ ...priya, email: 'sam@example.org', name: 'Sam Jones' })

    const first = await deliverAllDue()
    expect(first.deferred).toBe(2)
    expect(resend.emails).toHaveLength(0)
    await makeOutboxDue()
    const second = await deliverAllDue()
    expect(second.pauseMs).toBe(2000)
    await makeOutboxDue()
    await deliverAllDue()

    expect(resend.emails.map((e) => e.to[0]).sort()).toEqual(['priya@example.org', 'sam@example.org'])
    const statuses = await prisma.email.findMany({ select: { status: true, attempts: true } })
    expect(statuses.every((s) => s.status === 'sent' && s.attempts === 3)).toBe(true)
    // Every attempt of the batch carried the same Idempotency-Key.
    expect(new Set(resend.requests.map((r) => r.idempotencyKey)).size).toBe(1)
  })

  it('does not send twice when a worker crashed after Resend accepted the batch', async () => {
    const { resend } = testContext()
    // Resend takes the batch but the answer never reaches us (a timeout, a crash before we record it).
    resend.loseNextResponse()
    await signPetition(priya)
    await deliverAllDue()
    expect(resend.emails).toHaveLength(1)
    expect((await prisma.email.findFirstOrThrow()).status).toBe('queued')
    await makeOutboxDue()
    await deliverAllDue()
    expect(resend.emails).toHaveLength(1)
    expect(resend.requests).toHaveLength(2)
    expect((await prisma.email.findFirstOrThrow()).status).toBe('sent')
  })

  it('marks an email failed on a permanent error without retrying', async () => {
    const { resend } = testContext()
    resend.failNext(resendError(422, 'validation_error', 'Invalid `to` field.'))
    await signPetition(priya)
    await deliverAllDue()
    const email = await prisma.email.findFirstOrThrow()
    expect(email.status).toBe('failed')
    expect(email.lastError).toContain('422')
    await makeOutboxDue()
    await deliverAllDue()
    expect(resend.requests).toHaveLength(1)
  })

  it('isolates one bad address in a batch and sends the rest', async () => {
    const { resend } = testContext()
    await signPetition(priya)
    await signPetition({ ...priya, email: 'sam@example.org' })
    resend.failNext(resendError(422, 'validation_error', 'Invalid `to` field.'))
    await deliverAllDue()
    expect(resend.emails).toHaveLength(2)
  })
})

describe('the count', () => {
  it('locates signatures through postcodes.io and counts them by constituency and nation', async () => {
    await signPetition(priya)
    await signPetition({ ...priya, email: 'ewan@example.org', postcode: 'EH10 4BF' })
    await signPetition({ ...priya, email: 'pending@example.org', postcode: 'CF24 0AA' })
    await deliverAllDue()
    const links = testContext()
      .resend.emails.filter((e) => e.to[0] !== 'pending@example.org')
      .map((e) => confirmLink(e.html))
    for (const token of links) await confirmSignature(token)

    expect(await locateSignatures()).toBe(3)
    await refreshCounts()
    const json = await petitionJson()
    expect(json.signature_count).toBe(2)
    expect(json.signatures_by_constituency).toEqual(
      expect.arrayContaining([
        { name: 'Reading Central', ons_code: 'E14001438', mp: null, signature_count: 1 },
        { name: 'Edinburgh South', ons_code: 'S14000080', mp: null, signature_count: 1 },
      ]),
    )
    expect(json.signatures_by_constituency).toHaveLength(2)
    expect(json.signatures_by_nation).toEqual(
      expect.arrayContaining([
        { name: 'England', signature_count: 1 },
        { name: 'Scotland', signature_count: 1 },
      ]),
    )
  })

  it('leaves signatures valid and unlocated while postcodes.io is down, and locates them later', async () => {
    const { postcodes } = testContext()
    await signPetition(priya)
    postcodes.setMode('down')
    await expect(locateSignatures()).rejects.toThrow(/503/)
    expect((await prisma.signature.findFirstOrThrow()).locatedAt).toBeNull()
    postcodes.setMode('up')
    expect(await locateSignatures()).toBe(1)
    expect((await prisma.signature.findFirstOrThrow()).constituencyCode).toBe('E14001438')
  })

  it('never updates a shared counter row per signature', async () => {
    // Confirming touches only the signature's own row: the total comes from refreshCounts.
    await signPetition(priya)
    await deliverAllDue()
    await confirmSignature(confirmLink(testContext().resend.emails[0].html))
    expect(await prisma.petitionCount.count()).toBe(0)
    await refreshCounts()
    expect((await prisma.petitionCount.findFirstOrThrow()).signatureCount).toBe(1)
  })
})

describe('an address we cannot email', () => {
  it('says so instead of promising an email, and sends nothing', async () => {
    await prisma.suppression.create({ data: { emailKey: 'priya@example.org', reason: 'bounce' } })
    expect(await signPetition({ ...priya, email: 'Priya@Example.org' })).toEqual({ undeliverable: true })
    expect(await signPetition({ ...priya, email: 'priya+x@example.org' })).toEqual({ undeliverable: false })
    await deliverAllDue()
    expect(testContext().resend.emails.map((e) => e.to[0])).toEqual(['priya+x@example.org'])
    // The unsent confirmation's link does not linger in the outbox.
    const dropped = await prisma.email.findFirstOrThrow({ where: { to: 'Priya@Example.org' } })
    expect(dropped).toMatchObject({ status: 'suppressed', secrets: null })
  })
})

describe('a Resend endpoint that refuses batches', () => {
  it('still delivers each email once, one request per email', async () => {
    const { resend } = testContext()
    await signPetition(priya)
    await signPetition({ ...priya, email: 'sam@example.org' })
    resend.failNext(resendError(404, 'not_found', 'The requested endpoint does not exist.'))
    await deliverAllDue()
    expect(resend.emails.map((e) => e.to[0]).sort()).toEqual(['priya@example.org', 'sam@example.org'])
    expect(resend.requests.map((r) => r.path)).toEqual(['/emails/batch', '/emails', '/emails'])
  })
})
