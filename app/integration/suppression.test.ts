// Suppression that cannot be aimed (decision 054): a bounce or complaint stops
// mail to that exact address (or, at Gmail and other providers that deliver
// +tag and dot variants to one mailbox, to that mailbox), and nothing any
// supporter's address did ever stops a letter reaching an MP. Real database,
// emails through the Resend stub, events as signed webhooks.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { requestLetter, type ComposeStart } from '~/letters/compose.server'
import { confirmLetter } from '~/letters/confirm.server'
import { trackLetters } from '~/letters/progress.server'
import { composeStart, letterInput, linkIn, MP_ADDRESS, MP_ID, setUpMpDirectory } from '~/letters/testing.server'
import { prisma } from '~/lib/db.server'
import { mailboxKey } from '~/lib/mailbox-key'
import { signPetition } from '~/petition/sign.server'
import { testContext } from '~/testing/context'
import { resendEvent, signWebhook } from '~/testing/webhooks'
import { deliverAllDue } from '~/emails/outbox.server'
import { isSuppressed } from '~/mail/suppression.server'
import { receiveResendWebhook } from '~/mail/webhooks.server'

const SECRET = vi.hoisted(() => {
  const secret = `whsec_${Buffer.from('suppression webhook secret 0123').toString('base64')}`
  process.env.RESEND_WEBHOOK_SECRET = secret
  return secret
})

let start: ComposeStart

const sentTo = (address: string) => testContext().resend.emails.filter((e) => e.to.some((to) => to.toLowerCase() === address.toLowerCase()))

async function report(type: 'email.bounced' | 'email.complained', to: string) {
  const email = await prisma.email.findFirstOrThrow({ where: { to, status: 'sent' }, orderBy: { createdAt: 'desc' } })
  const extra = type === 'email.bounced' ? { bounce: { type: 'Permanent', subType: 'General', message: '550 5.1.1 User unknown' } } : {}
  const signed = signWebhook(SECRET, resendEvent(type, email.providerId!, to, extra))
  const request = new Request('http://campaign.test/webhooks/resend', { method: 'POST', headers: signed.headers, body: signed.body })
  expect((await receiveResendWebhook(request, '198.51.100.2')).status).toBe(200)
}

async function signAndSend(email: string) {
  const outcome = await signPetition({ name: 'Someone', email, postcode: 'RG1 1AA', optIn: false })
  await deliverAllDue()
  return outcome
}

beforeAll(setUpMpDirectory)

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "RateLimit", "Suppression", "WebhookEvent" CASCADE`
  await prisma.mp.update({ where: { id: MP_ID }, data: { emailOverride: null, emailBouncedAt: null, targetEnabled: true } })
  start = await composeStart()
})

describe('suppression that cannot be aimed', () => {
  it('never stops a letter to an MP: not a bounce of a look-alike address, not a complaint from the MP’s own address signed up to the petition', async () => {
    // Someone signs as a +tag variant of the MP's address, which bounces…
    await signAndSend('matt.rodda.mp+x@parliament.uk')
    await report('email.bounced', 'matt.rodda.mp+x@parliament.uk')
    // …and as the MP's own address, which the office reports as spam.
    await signAndSend(MP_ADDRESS)
    await report('email.complained', MP_ADDRESS)
    expect(await isSuppressed('matt.rodda.mp+x@parliament.uk')).toMatchObject({ suppressed: true, reason: 'bounce' })
    expect(await isSuppressed(MP_ADDRESS)).toMatchObject({ suppressed: true, reason: 'complaint' })

    // A constituent writes to the MP: the letter arrives all the same.
    expect(await requestLetter(letterInput(start))).toEqual({ status: 'requested' })
    await deliverAllDue()
    const confirmation = sentTo('priya@example.org').find((e) => e.subject.startsWith('Confirm your letter'))!
    expect(await confirmLetter(linkIn(confirmation.html, 'write/confirm'))).toEqual({ status: 'confirmed', mpName: 'Matt Rodda' })
    const report_ = await deliverAllDue()
    expect(report_.suppressed).toBe(0)
    const letters = sentTo(MP_ADDRESS).filter((e) => [e.reply_to].flat().includes('priya@example.org'))
    expect(letters).toHaveLength(1)
    expect(letters[0].from).toBe('"Priya Shah via Duty of Care" <campaign@dutyofcare.test>')
    await trackLetters()
    expect((await prisma.letter.findFirstOrThrow()).state).toBe('sent')
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: MP_ID } })).emailBouncedAt).toBeNull()

    // Petition mail to the address that complained stays stopped, as it should.
    expect(await signPetition({ name: 'Someone', email: MP_ADDRESS, postcode: 'RG1 1AA', optIn: false })).toEqual({ undeliverable: true })
  })

  it('suppresses the exact address that complained, and its variants only where the provider delivers them to one mailbox', async () => {
    await signAndSend('jo+x@example.org')
    await report('email.complained', 'jo+x@example.org')
    expect(await isSuppressed('Jo+X@Example.org')).toMatchObject({ suppressed: true, reason: 'complaint' })
    expect(await isSuppressed('jo@example.org')).toEqual({ suppressed: false })
    expect(await signAndSend('jo@example.org')).toEqual({ undeliverable: false })
    expect(sentTo('jo@example.org')).toHaveLength(1)

    // Gmail delivers jo.bloggs+news@googlemail.com to jobloggs@gmail.com: one mailbox, one suppression.
    await signAndSend('jo.bloggs+news@googlemail.com')
    await report('email.complained', 'jo.bloggs+news@googlemail.com')
    expect(await isSuppressed('jobloggs@gmail.com')).toMatchObject({ suppressed: true })
    await signPetition({ name: 'Someone', email: 'j.o.bloggs@gmail.com', postcode: 'RG1 1AA', optIn: false })
    expect((await deliverAllDue()).suppressed).toBe(1)
    expect(sentTo('j.o.bloggs@gmail.com')).toHaveLength(0)
  })
})

describe('the migration that re-keyed stored rows (20261201090100_mailbox_keys_by_provider)', () => {
  const migration = path.join(process.cwd(), 'prisma', 'migrations', '20261201090100_mailbox_keys_by_provider', 'migration.sql')

  async function runMigration() {
    const client = new pg.Client({ connectionString: testContext().databaseUrl })
    await client.connect()
    try {
      await client.query(fs.readFileSync(migration, 'utf8'))
    } finally {
      await client.end()
    }
  }

  it('re-keys signatures and letters, keeps suppressions to the exact addresses that failed, and puts letters they silenced on hold', async () => {
    const signature = (email: string, emailKey: string) =>
      prisma.signature.create({ data: { name: 'Old Row', email, emailKey, postcode: 'RG1 1AA', privacyVersion: 'test', tokenHash: `hash-${emailKey}`, tokenExpiresAt: new Date(Date.now() + 86400_000) } })
    // Rows as the old rule (+tags dropped on every domain) left them.
    const lookAlike = await signature('jane.smith.mp+x@parliament.uk', 'jane.smith.mp@parliament.uk')
    await signature('Jo.Bloggs+petition@GoogleMail.com', 'jobloggs@gmail.com')
    await signature('kim+news@outlook.com', 'kim@outlook.com')
    await signature('', 'anonymised:0001')
    const emailed = (to: string, status: 'bounced' | 'complained', lastError?: string) =>
      prisma.email.create({ data: { kind: 'signature_confirmation', to, subject: 'Confirm', template: 'signature-confirmation', data: {}, status, lastError } })
    await emailed('jane.smith.mp+x@parliament.uk', 'bounced', 'bounced (Permanent/General): 550 User unknown')
    await emailed('Jo.Bloggs+petition@GoogleMail.com', 'complained')
    await emailed('soft+x@example.org', 'bounced', 'bounced (Transient/MailboxFull): mailbox full')
    await prisma.suppression.createMany({
      data: [
        { emailKey: 'jane.smith.mp@parliament.uk', reason: 'bounce' },
        { emailKey: 'jobloggs@gmail.com', reason: 'complaint' },
        { emailKey: 'soft@example.org', reason: 'bounce' },
        { emailKey: 'no.trace@example.org', reason: 'bounce' },
      ],
    })
    // A letter the old rule silenced: its email to the MP was dropped as suppressed, the letter marked failed.
    const silenced = await prisma.letter.create({
      data: {
        state: 'failed', confirmedAt: new Date(), mpId: MP_ID, constituencyCode: start.seat.code, name: 'Ann Writer', email: 'ann+mp@example.org',
        emailKey: 'ann@example.org', postcode: 'RG1 1AA', subject: 'Please back the Bill', body: 'Dear Matt Rodda,\n\nPlease back the Bill.', personalisation: 0.4,
      },
    })
    await prisma.email.create({ data: { kind: 'letter_to_mp', to: MP_ADDRESS, subject: 'Please back the Bill', template: 'letter-to-mp', data: {}, status: 'suppressed', letterId: silenced.id } })

    await runMigration()
    await runMigration() // safe to run twice

    for (const row of [...(await prisma.signature.findMany()), ...(await prisma.letter.findMany())]) {
      expect(row.emailKey).toBe(row.email ? mailboxKey(row.email) : row.emailKey)
    }
    expect((await prisma.signature.findUniqueOrThrow({ where: { id: lookAlike.id } })).emailKey).toBe('jane.smith.mp+x@parliament.uk')
    expect(await prisma.signature.count({ where: { emailKey: 'anonymised:0001' } })).toBe(1)
    expect((await prisma.suppression.findMany({ orderBy: { emailKey: 'asc' } })).map((s) => [s.emailKey, s.reason])).toEqual([
      ['jane.smith.mp+x@parliament.uk', 'bounce'],
      ['jobloggs@gmail.com', 'complaint'],
      ['no.trace@example.org', 'bounce'],
      ['soft@example.org', 'bounce'],
    ])
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: silenced.id } })).toMatchObject({ state: 'confirmed', heldAt: expect.any(Date), emailKey: 'ann+mp@example.org' })

    // The tracker sends it: the MP gets the letter that was silenced, once.
    await trackLetters()
    await deliverAllDue()
    await trackLetters()
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS).filter((e) => [e.reply_to].flat().includes('ann+mp@example.org'))).toHaveLength(1)
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: silenced.id } })).state).toBe('sent')
  })
})
