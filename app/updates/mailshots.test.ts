// Campaign updates: who gets one, resuming after a crash mid-chunk, pausing,
// one-click unsubscribe, and what the emails carry.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { testContext } from '~/testing/context'
import { unsubscribeTokenIn } from '~/testing/email-links'
import { deliverAllDue } from '~/emails/outbox.server'
import {
  createMailshot,
  getMailshot,
  pauseMailshot,
  queueMailshotChunk,
  resumeMailshot,
  sendTestMailshot,
  startMailshot,
  updateMailshot,
} from './mailshots.server'
import { unsubscribe, unsubscribeState } from './unsubscribe.server'

let admin: { id: string; email: string }
const update = { subject: 'MPs debate the Bill on Tuesday', bodyMarkdown: 'Hello!\n\n- **Email your MP**\n- Share the [petition](https://campaign.test/#sign)\n\n<b>not bold</b>' }

/** Signers straight into the database: `n` who should get updates, and one of each who should not. */
async function seedSigners(n: number) {
  await prisma.$executeRaw`
    INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "optIn", "privacyVersion", state, "tokenHash", "tokenExpiresAt", "validatedAt")
    SELECT gen_random_uuid(), 'Signer ' || i, 'signer' || i || '@example.org', 'signer' || i || '@example.org', 'RG1 1AA', true, 'v1',
      'validated', md5(random()::text), now() + interval '30 days', now() - interval '1 day'
    FROM generate_series(1, ${n}) AS i`
  const other = (label: string, extra: string) =>
    prisma.$executeRawUnsafe(`
      INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "optIn", state, "validatedAt", "unsubscribedAt", "anonymisedAt", "privacyVersion", "tokenHash", "tokenExpiresAt")
      SELECT gen_random_uuid(), '${label}', '${label}@example.org', '${label}@example.org', 'RG1 1AA', ${extra}, 'v1', md5(random()::text), now() + interval '30 days'`)
  await other('pending', "true, 'pending', NULL, NULL, NULL")
  await other('no-optin', "false, 'validated', now() - interval '1 day', NULL, NULL")
  await other('unsubscribed', "true, 'validated', now() - interval '1 day', now(), NULL")
  await other('anonymised', "true, 'validated', now() - interval '1 day', NULL, now()")
  await other('invalidated', "true, 'invalidated', now() - interval '1 day', NULL, NULL")
  await other('bounced', "true, 'validated', now() - interval '1 day', NULL, NULL")
  await prisma.suppression.create({ data: { emailKey: 'bounced@example.org', reason: 'bounce' } })
}

async function emailsPerSigner() {
  const rows = await prisma.$queryRaw<{ to: string; n: number }[]>`
    SELECT "to", count(*)::int AS n FROM "Email" WHERE kind = 'campaign_update' AND "linkTokenHash" IS NOT NULL GROUP BY "to"`
  return new Map(rows.map((r) => [r.to, r.n]))
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Suppression", "Mailshot", "AuditEntry", "Campaigner" CASCADE`
  await prisma.$executeRaw`DROP TRIGGER IF EXISTS crash_mid_chunk ON "Email"`
  admin = await prisma.campaigner.create({ data: { email: 'ada@campaign.test', role: 'admin' }, select: { id: true, email: true } })
})

describe('sending a campaign update', () => {
  it('resumes after a crash mid-chunk and a pause: every opted-in signer exactly once, nobody else', async () => {
    await seedSigners(250)
    const { id } = await createMailshot(admin.id, update)
    expect(await queueMailshotChunk(100)).toBe(0) // a draft sends nothing
    expect(await startMailshot(id, admin.id)).toBe(true)
    // Confirmed after sending started: not in this update's audience.
    await prisma.signature.create({
      data: { name: 'Late', email: 'late@example.org', emailKey: 'late@example.org', postcode: 'RG1 1AA', optIn: true, privacyVersion: 'v1', state: 'validated', tokenHash: 'late', tokenExpiresAt: new Date(Date.now() + 1e9), validatedAt: new Date(Date.now() + 1000) },
    })
    expect((await getMailshot(id))!.progress.audience).toBe(250)

    expect(await queueMailshotChunk(100)).toBe(100)

    // The worker dies half-way through writing the next chunk.
    await prisma.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS crash_counter`)
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION crash_mid_chunk() RETURNS trigger AS $$
      BEGIN
        IF nextval('crash_counter') % 40 = 0 THEN RAISE EXCEPTION 'worker crashed mid-chunk'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    await prisma.$executeRawUnsafe(`CREATE TRIGGER crash_mid_chunk BEFORE INSERT ON "Email" FOR EACH ROW EXECUTE FUNCTION crash_mid_chunk()`)
    await expect(queueMailshotChunk(100)).rejects.toThrow(/crashed/)
    await prisma.$executeRaw`DROP TRIGGER crash_mid_chunk ON "Email"`
    expect((await prisma.mailshot.findUniqueOrThrow({ where: { id } })).queuedCount).toBe(100)
    expect(await prisma.email.count({ where: { mailshotId: id } })).toBe(100)

    // Paused: nothing more is queued until it is resumed.
    expect(await pauseMailshot(id, admin.id)).toBe(true)
    expect(await queueMailshotChunk(100)).toBe(0)
    expect((await getMailshot(id))!.status).toBe('paused')
    await deliverAllDue()
    expect(testContext().resend.emails).toHaveLength(100)

    expect(await resumeMailshot(id, admin.id)).toBe(true)
    let rounds = 0
    while ((await getMailshot(id))!.status === 'sending' && rounds++ < 10) await queueMailshotChunk(100)
    const done = (await getMailshot(id))!
    expect(done.status).toBe('sent')
    expect(done.finishedAt).not.toBeNull()
    expect(done.queuedCount).toBe(250)
    expect(await queueMailshotChunk(100)).toBe(0)

    await deliverAllDue()
    const delivered = testContext().resend.emails.map((e) => e.to[0])
    expect(delivered).toHaveLength(250)
    expect(new Set(delivered).size).toBe(250)
    expect(delivered.every((to) => /^signer\d+@example\.org$/.test(to))).toBe(true)
    const perSigner = await emailsPerSigner()
    expect(perSigner.size).toBe(250)
    expect([...perSigner.values()].every((n) => n === 1)).toBe(true)
    expect((await getMailshot(id))!.progress.byStatus).toEqual({ sent: 250 })

    const actions = (await prisma.auditEntry.findMany({ orderBy: { createdAt: 'asc' } })).map((a) => a.action)
    expect(actions).toEqual(['mailshot.create', 'mailshot.start', 'mailshot.pause', 'mailshot.resume'])
  })

  it('carries one-click unsubscribe headers, a visible link, and the body rendered safely; secrets are erased once sent', async () => {
    await seedSigners(1)
    const { id } = await createMailshot(admin.id, update)
    await startMailshot(id, admin.id)
    await queueMailshotChunk()
    await deliverAllDue()
    const [email] = testContext().resend.emails
    expect(email.subject).toBe(update.subject)
    const token = unsubscribeTokenIn(email.html)
    expect(email.headers).toEqual({
      'List-Unsubscribe': `<http://campaign.test/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
    expect(email.text).toContain(`http://campaign.test/unsubscribe/${token}`)
    expect(email.html).toContain('<strong>Email your MP</strong>')
    expect(email.html).toContain('href="https://campaign.test/#sign"')
    expect(email.html).not.toContain('<b>')
    expect(email.html).toContain('&lt;b&gt;not bold&lt;/b&gt;')

    const row = await prisma.email.findFirstOrThrow({ where: { mailshotId: id } })
    expect(row.secrets).toBeNull()
    expect(JSON.stringify(row)).not.toContain(token)
  })

  it('unsubscribes in one click, cancels what is still waiting, and leaves them out of the next update', async () => {
    await seedSigners(2)
    const first = await createMailshot(admin.id, update)
    await startMailshot(first.id, admin.id)
    await queueMailshotChunk()
    await deliverAllDue()
    const ursula = testContext().resend.emails.find((e) => e.to[0] === 'signer1@example.org')!
    const token = unsubscribeTokenIn(ursula.html)

    // A second update is queued but not yet sent when she unsubscribes from the first one's link.
    const second = await createMailshot(admin.id, { ...update, subject: 'Second' })
    await startMailshot(second.id, admin.id)
    await queueMailshotChunk()

    expect(await unsubscribeState(token)).toEqual({ status: 'subscribed' })
    expect(await unsubscribe(token)).toEqual({ status: 'unsubscribed' })
    expect(await unsubscribe(token)).toEqual({ status: 'unsubscribed' })
    expect(await unsubscribeState(token)).toEqual({ status: 'unsubscribed' })
    expect((await prisma.signature.findUniqueOrThrow({ where: { emailKey: 'signer1@example.org' } })).unsubscribedAt).not.toBeNull()

    testContext().resend.reset()
    await deliverAllDue()
    expect(testContext().resend.emails.map((e) => e.to[0])).toEqual(['signer2@example.org'])

    const third = await createMailshot(admin.id, { ...update, subject: 'Third' })
    await startMailshot(third.id, admin.id)
    expect(await queueMailshotChunk()).toBe(1)
  })

  it('refuses malformed, unknown and non-update tokens', async () => {
    expect(await unsubscribeState('nope')).toEqual({ status: 'invalid' })
    expect(await unsubscribe('A'.repeat(43))).toEqual({ status: 'invalid' })
    expect(await unsubscribe('test')).toEqual({ status: 'test' })
  })

  it('sends a test to the admin alone, and only drafts can be edited', async () => {
    await seedSigners(3)
    const { id } = await createMailshot(admin.id, update)
    expect(await sendTestMailshot(id, admin)).toBe(true)
    await deliverAllDue()
    const emails = testContext().resend.emails
    expect(emails.map((e) => e.to[0])).toEqual(['ada@campaign.test'])
    expect(emails[0].subject).toBe(`[Test] ${update.subject}`)
    expect(emails[0].html).toContain('Test send')
    expect((await getMailshot(id))!.status).toBe('draft')

    expect(await updateMailshot(id, admin.id, { ...update, subject: 'Better subject' })).toBe(true)
    await startMailshot(id, admin.id)
    expect(await updateMailshot(id, admin.id, { ...update, subject: 'Too late' })).toBe(false)
    expect((await getMailshot(id))!.subject).toBe('Better subject')
    expect(await startMailshot(id, admin.id)).toBe(false)
  })
})
