// Finding and striking out a burst of fake signatures; the count drops at once, and undoing puts it back.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { refreshCounts } from '~/petition/counts.server'
import { criteriaSchema, invalidateMatches, parseIpOrRange, recentInvalidations, revertInvalidation, searchMatches, trending, type Criteria } from './moderation.server'
import { insertSignature, signedInCampaigner } from './testing.server'

function signature(fields: { email?: string; name?: string; ip?: string | null; postcode?: string; state?: 'pending' | 'validated'; createdAt?: Date }) {
  const { ip, ...rest } = fields
  return insertSignature({ ...rest, ipAddress: ip === undefined ? '198.51.100.1' : ip })
}

const criteria = (input: Record<string, string>): Criteria => criteriaSchema.parse(input)
const publicCount = async () => (await prisma.petitionCount.findUnique({ where: { id: 1 } }))?.signatureCount ?? 0

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Signature", "Campaigner", "CampaignerSession", "AuditEntry", "Invalidation", "PetitionCount", "Letter", "Mp", "Constituency", "Email" CASCADE`
})

describe('searching', () => {
  it('finds signatures by email, domain, postcode, name, IP, IP range and time window', async () => {
    await signature({ email: 'Jo.Bloggs@example.org', name: 'Jo Bloggs', ip: '203.0.113.9', postcode: 'SW1A 1AA' })
    await signature({ email: 'a@fake-mail.test', ip: '::ffff:203.0.113.200' })
    await signature({ email: 'b@fake-mail.test', ip: '192.0.2.1', createdAt: new Date(Date.now() - 3 * 3600_000) })
    await signature({ email: 'c@other.test', ip: 'unknown' })
    const count = async (input: Record<string, string>) => (await searchMatches(criteria(input))).total
    expect(await count({ email: 'jo.bloggs@EXAMPLE.org' })).toBe(1)
    expect(await count({ domain: '@Fake-Mail.test' })).toBe(2)
    expect(await count({ domain: 'mail.test' })).toBe(0)
    expect(await count({ postcode: 'sw1a1aa' })).toBe(1)
    expect(await count({ postcode: 'SW1A' })).toBe(1)
    expect(await count({ name: 'bloggs' })).toBe(1)
    expect(await count({ ip: '203.0.113.9' })).toBe(1)
    expect(await count({ ip: '203.0.113.200' })).toBe(1)
    expect(await count({ ip: '203.0.113.0/24' })).toBe(2)
    expect(await count({ ip: '0.0.0.0/0' })).toBe(3)
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
    const ukLocal = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' }).format(twoHoursAgo).replace(' ', 'T')
    expect(await count({ domain: 'fake-mail.test', from: ukLocal })).toBe(1)
    expect(await count({ domain: 'fake-mail.test', to: ukLocal })).toBe(1)
  })

  it('rejects empty searches and malformed addresses without querying', () => {
    expect(criteriaSchema.safeParse({}).success).toBe(false)
    expect(criteriaSchema.safeParse({ ip: '203.0.113.0/33' }).success).toBe(false)
    expect(criteriaSchema.safeParse({ ip: "1.2.3.4' OR 1=1" }).success).toBe(false)
    expect(criteriaSchema.safeParse({ from: 'yesterday' }).success).toBe(false)
    expect(parseIpOrRange('2001:db8::/32')).toEqual({ address: '2001:db8::', prefix: 32 })
  })

  it('treats search text as text, not as SQL or patterns', async () => {
    await signature({ name: "O'Brien" })
    await signature({ name: 'Percent Person' })
    expect((await searchMatches(criteria({ name: "o'brien" }))).total).toBe(1)
    expect((await searchMatches(criteria({ name: '%' }))).total).toBe(0)
  })
})

describe('striking out a burst', () => {
  it('needs the previewed count, drops the public count at once, is audited, and can be undone', async () => {
    const admin = await signedInCampaigner('admin')
    for (let i = 0; i < 3; i++) await signature({})
    for (let i = 0; i < 25; i++) await signature({ email: `bot${i}@burst.test`, ip: `203.0.113.${i}` })
    await signature({ email: 'waiting@burst.test', state: 'pending' })
    await refreshCounts()
    expect(await publicCount()).toBe(28)

    const burst = criteria({ domain: 'burst.test', ip: '203.0.113.0/24' })
    const preview = await searchMatches(burst)
    expect(preview).toMatchObject({ total: 25, invalidatable: 25, byState: { validated: 25 } })
    expect(preview.sample[0]).toHaveProperty('email')

    // The preview went stale (another one arrived): nothing changes until they look again.
    await signature({ email: 'bot99@burst.test', ip: '203.0.113.99' })
    expect(await invalidateMatches(admin.campaigner, burst, 'Bot burst', 25)).toEqual({ status: 'changed', count: 26 })
    expect(await prisma.signature.count({ where: { state: 'invalidated' } })).toBe(0)

    const done = await invalidateMatches(admin.campaigner, burst, 'Bot burst', 26)
    expect(done).toMatchObject({ status: 'done', count: 26 })
    expect(await publicCount()).toBe(3)
    expect(await prisma.signature.count({ where: { state: 'invalidated' } })).toBe(26)
    expect((await searchMatches(burst)).invalidatable).toBe(0)
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'signatures.invalidate' } })
    expect(entry).toMatchObject({ campaignerId: admin.campaigner.id, details: expect.objectContaining({ reason: 'Bot burst', count: 26 }) })
    expect(await invalidateMatches(admin.campaigner, burst, 'again', 0)).toEqual({ status: 'nothing' })

    const [listed] = await recentInvalidations()
    expect(listed).toMatchObject({ count: 26, reason: 'Bot burst', by: admin.campaigner.email, revertedAt: null })

    if (done.status !== 'done') return
    expect(await revertInvalidation(admin.campaigner, done.invalidationId)).toBe('reverted')
    expect(await revertInvalidation(admin.campaigner, done.invalidationId)).toBe('not-found')
    expect(await publicCount()).toBe(29)
    expect(await prisma.signature.count({ where: { state: 'invalidated' } })).toBe(0)
    expect(await prisma.auditEntry.count({ where: { action: 'invalidation.revert' } })).toBe(1)
  })

  it('puts pending signatures back as pending', async () => {
    const admin = await signedInCampaigner('admin')
    await signature({ email: 'p@burst.test', state: 'pending' })
    const done = await invalidateMatches(admin.campaigner, criteria({ domain: 'burst.test' }), 'test', 1)
    if (done.status !== 'done') throw new Error(done.status)
    await revertInvalidation(admin.campaigner, done.invalidationId)
    expect((await prisma.signature.findFirstOrThrow()).state).toBe('pending')
  })

  it('strikes out letters not yet sent, cancels their queued emails, and undoes both', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.constituency.create({ data: { onsCode: 'E1', name: 'Somewhere', nameKey: 'somewhere', nation: 'England' } })
    await prisma.mp.create({ data: { id: 1, name: 'An MP', fullTitle: 'An MP MP', party: 'X', constituencyCode: 'E1' } })
    const letter = (email: string, state: 'pending' | 'confirmed' | 'sent') =>
      prisma.letter.create({
        data: { mpId: 1, constituencyCode: 'E1', name: 'L', email, emailKey: email, postcode: 'RG1 1AA', personalisation: 0, state, ipAddress: '203.0.113.5', confirmedAt: state === 'pending' ? null : new Date() },
      })
    await letter('a@spam.test', 'pending')
    const confirmed = await letter('b@spam.test', 'confirmed')
    await letter('c@spam.test', 'sent')
    await prisma.$executeRaw`
      INSERT INTO "Email" (id, kind, "to", subject, template, data, status, "letterId", "updatedAt")
      VALUES (gen_random_uuid(), 'letter_to_mp', 'mp@parliament.uk', 's', 't', '{}', 'queued', ${confirmed.id}::uuid, now())`
    const spam = criteria({ target: 'letters', ip: '203.0.113.5' })
    expect(await searchMatches(spam)).toMatchObject({ total: 3, invalidatable: 2 })
    const done = await invalidateMatches(admin.campaigner, spam, 'spam', 2)
    expect(done).toMatchObject({ status: 'done', count: 2 })
    const states = async () => (await prisma.letter.findMany({ orderBy: { email: 'asc' } })).map((l) => l.state)
    expect(await states()).toEqual(['invalidated', 'invalidated', 'sent'])
    const emailStatus = async () => (await prisma.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Email"`)[0].status
    expect(await emailStatus()).toBe('failed')
    if (done.status !== 'done') return
    await revertInvalidation(admin.campaigner, done.invalidationId)
    expect(await states()).toEqual(['pending', 'confirmed', 'sent'])
    expect(await emailStatus()).toBe('queued')
  })

  it('finds the emails it cancelled by their link to it, never by what their delivery error says', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.constituency.create({ data: { onsCode: 'E1', name: 'Somewhere', nameKey: 'somewhere', nation: 'England' } })
    await prisma.mp.create({ data: { id: 1, name: 'An MP', fullTitle: 'An MP MP', party: 'X', constituencyCode: 'E1' } })
    const letter = (email: string, state: 'confirmed' | 'sent', ip: string) =>
      prisma.letter.create({
        data: { mpId: 1, constituencyCode: 'E1', name: 'L', email, emailKey: email, postcode: 'RG1 1AA', personalisation: 0, state, ipAddress: ip, confirmedAt: new Date() },
      })
    const struck = await letter('b@spam.test', 'confirmed', '203.0.113.5')
    const other = await letter('d@elsewhere.test', 'sent', '198.51.100.9')
    const toMp = (letterId: string, fields: { status: 'queued' | 'failed'; lastError: string; idempotencyKey: string }) =>
      prisma.email.create({
        data: { kind: 'letter_to_mp', to: 'mp@parliament.uk', subject: 's', template: 't', data: {}, letterId, retryAt: new Date(Date.now() + 600_000), ...fields },
      })
    // Its email to the MP had been tried once (Resend answered 500) and waits for its retry.
    const cancelled = await toMp(struck.id, { status: 'queued', lastError: '500 application_error: Something went wrong', idempotencyKey: 'a-request' })
    const done = await invalidateMatches(admin.campaigner, criteria({ target: 'letters', ip: '203.0.113.5' }), 'spam', 1)
    if (done.status !== 'done') throw new Error(`not struck out: ${done.status}`)
    // Another letter's email that failed for good, with a provider's message that happens to read like the old marker.
    const lookalike = await toMp(other.id, { status: 'failed', lastError: `invalidated:${done.invalidationId}`, idempotencyKey: 'another-request' })

    const row = (id: string) => prisma.email.findUniqueOrThrow({ where: { id }, select: { status: true, lastError: true, invalidationId: true, retryAt: true } })
    // Cancelled, linked to the strike-out, and its last delivery error still says what Resend said.
    expect(await row(cancelled.id)).toMatchObject({ status: 'failed', invalidationId: done.invalidationId, lastError: '500 application_error: Something went wrong' })

    expect(await revertInvalidation(admin.campaigner, done.invalidationId)).toBe('reverted')
    const reopened = await row(cancelled.id)
    expect(reopened).toMatchObject({ status: 'queued', invalidationId: null, lastError: '500 application_error: Something went wrong' })
    // Its retry is due now, under the request's own key.
    expect(reopened.retryAt!.getTime()).toBeLessThanOrEqual(Date.now())
    expect(await row(lookalike.id)).toMatchObject({ status: 'failed', invalidationId: null, lastError: `invalidated:${done.invalidationId}` })
  })
})

describe('trending', () => {
  it('shows IPs and email domains with unusual numbers in the last hour', async () => {
    for (let i = 0; i < 6; i++) await signature({ ip: '203.0.113.50', email: `x${i}@ordinary.test` })
    for (let i = 0; i < 12; i++) await signature({ ip: `192.0.2.${i}`, email: `y${i}@surge.test` })
    // A busy domain that is always busy is not unusual.
    for (let i = 0; i < 12; i++) await signature({ ip: null, email: `z${i}@big.test` })
    for (let i = 0; i < 24 * 12; i++) await signature({ ip: null, email: `old${i}@big.test`, createdAt: new Date(Date.now() - 2 * 3600_000) })
    const found = await trending()
    expect(found.ips).toEqual([{ network: '203.0.113.50', count: 6, confirmed: 6 }])
    expect(found.domains).toEqual([{ domain: 'surge.test', count: 12, usualPerHour: 0 }])
  })
})

describe('catch-all domains and IPv6 networks', () => {
  it('finds a registrable domain with all its subdomains, and refuses a public suffix', async () => {
    await signature({ email: 'a@x1.evil.co.uk' })
    await signature({ email: 'b@x2.evil.co.uk' })
    await signature({ email: 'c@evil.co.uk' })
    await signature({ email: 'd@notevil.co.uk' })
    await signature({ email: 'e@other.co.uk' })
    const count = async (input: Record<string, string>) => (await searchMatches(criteria(input))).total
    expect(await count({ domain: 'evil.co.uk' })).toBe(3)
    expect(await count({ domain: 'x1.evil.co.uk' })).toBe(1)
    expect(await count({ target: 'letters', domain: 'evil.co.uk' })).toBe(0)
    expect(criteriaSchema.safeParse({ domain: 'co.uk' }).success).toBe(false)
  })

  it('groups a burst from made-up subdomains as one busy domain', async () => {
    for (let i = 0; i < 12; i++) await signature({ ip: `192.0.2.${i}`, email: `bot@x${i}.evil.co.uk` })
    const found = await trending()
    expect(found.domains).toEqual([{ domain: 'evil.co.uk', count: 12, usualPerHour: 0 }])
  })

  it('groups IPv6 signers by their /64 in the trending panel, and an IPv6 search finds the whole /64', async () => {
    for (let i = 1; i <= 6; i++) await signature({ ip: `2001:db8:1:2::${i.toString(16)}`, email: `v6-${i}@example.org` })
    await signature({ ip: '2001:db8:1:2:ffff:ffff:ffff:ffff' })
    await signature({ ip: '2001:db8:1:3::1' })
    const found = await trending()
    expect(found.ips).toEqual([{ network: '2001:db8:1:2::/64', count: 7, confirmed: 7 }])

    const one = await searchMatches(criteria({ ip: '2001:db8:1:2::3' }))
    expect(one.total).toBe(7)
    expect(one.ipRange).toBe('2001:db8:1:2::/64')
    expect((await searchMatches(criteria({ ip: found.ips[0].network }))).total).toBe(7)
    expect((await searchMatches(criteria({ ip: '2001:db8:1:2::3/128' }))).total).toBe(7)
    // Wider ranges keep working as typed.
    expect((await searchMatches(criteria({ ip: '2001:db8::/32' }))).total).toBe(8)
    expect((await searchMatches(criteria({ ip: '2001:db8:1:3::/64' }))).total).toBe(1)
  })
})

describe('what a strike-out keeps of the search', () => {
  it('records no address, name, full postcode or IP in the invalidation or the audit log', async () => {
    const admin = await signedInCampaigner('admin')
    await signature({ email: 'jo.bloggs@example.org', name: 'Joanna Bloggs', postcode: 'SW1A 1AA', ip: '203.0.113.77' })
    const search = criteria({ email: 'jo.bloggs@example.org', name: 'Bloggs', postcode: 'SW1A 1AA', ip: '203.0.113.77' })
    const done = await invalidateMatches(admin.campaigner, search, 'Faked by someone using jo.bloggs@example.org', 1)
    expect(done).toMatchObject({ status: 'done', count: 1 })
    const kept = JSON.stringify({
      invalidations: await prisma.invalidation.findMany(),
      audit: await prisma.auditEntry.findMany(),
    })
    for (const personal of ['jo.bloggs', 'Bloggs', 'SW1A1AA', 'SW1A 1AA', '203.0.113.77']) expect(kept).not.toContain(personal)
    const [listed] = await recentInvalidations()
    expect(listed.criteria).toBe('email: an address at example.org, postcode: SW1A, name: (not kept), ip: 203.0.113.0/24')
    expect(listed.reason).toBe('Faked by someone using …@example.org')
    // Undoing needs none of it.
    if (done.status !== 'done') return
    expect(await revertInvalidation(admin.campaigner, done.invalidationId)).toBe('reverted')
    expect((await prisma.signature.findFirstOrThrow()).state).toBe('validated')
  })
})
