// Campaign updates reach paper and event signers who gave an email and said yes (decision 077): one email
// each, a working unsubscribe link, suppression applies, and erasure and the campaign's close remove them.
import { beforeEach, describe, expect, it } from 'vitest'
import { deliverAllDue } from '~/emails/outbox.server'
import { prisma } from '~/lib/db.server'
import { createToken } from '~/lib/tokens.server'
import { anonymiseAfterClose } from '~/retention/retention.server'
import { eraseMyData } from '~/retention/my-data.server'
import { testContext } from '~/testing/context'
import { unsubscribeTokenIn } from '~/testing/email-links'
import { getMailshot, queueMailshotChunk, startMailshot, createMailshot } from './mailshots.server'
import { unsubscribe, unsubscribeState } from './unsubscribe.server'

let admin: { id: string; email: string }
const update = { subject: 'The Bill is debated on Tuesday', bodyMarkdown: 'Hello from the campaign.' }

type PaperRow = { name: string; email?: string; consent?: boolean }

async function paperImport(rows: PaperRow[], state: 'imported' | 'previewed' | 'reverted' = 'imported') {
  const imp = await prisma.paperImport.create({
    data: { fileName: 'fair.csv', events: ['Reading fair'], uploadedById: admin.id, state, rowCount: rows.length, goodCount: rows.length, problems: [], importedAt: state === 'imported' ? new Date(Date.now() - 60_000) : null },
  })
  for (const [i, r] of rows.entries()) {
    await prisma.paperSignature.create({
      data: { importId: imp.id, row: i + 1, name: r.name, email: r.email ?? null, emailKey: r.email?.toLowerCase() ?? null, postcode: 'RG1 1AA', consent: r.consent ?? false, signedOn: new Date('2026-11-01'), event: 'Reading fair' },
    })
  }
  return imp
}

async function onlineSigner(email: string, optIn: boolean) {
  await prisma.signature.create({
    data: { name: 'Online', email, emailKey: email, postcode: 'RG1 1AA', optIn, privacyVersion: 'v1', state: 'validated', tokenHash: email, tokenExpiresAt: new Date(Date.now() + 1e9), validatedAt: new Date(Date.now() - 86_400_000) },
  })
}

/** Starts an update and queues it to the end, in chunks of `chunk`; the addresses it went to, with how many each. */
async function sendUpdate(chunk = 2) {
  const { id } = await createMailshot(admin.id, update)
  await startMailshot(id, admin.id)
  const audience = (await getMailshot(id))!.progress.audience
  while (await queueMailshotChunk(chunk)) {
    /* next chunk */
  }
  expect((await getMailshot(id))!.status).toBe('sent')
  const rows = await prisma.email.findMany({ where: { mailshotId: id, kind: 'campaign_update' }, select: { to: true, paperSignatureId: true, signatureId: true } })
  const counts: Record<string, number> = {}
  for (const r of rows) counts[r.to] = (counts[r.to] ?? 0) + 1
  return { id, audience, counts, rows }
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Suppression", "Mailshot", "AuditEntry", "Campaigner", "PaperImport", "PaperSignature", "Setting" CASCADE`
  admin = await prisma.campaigner.create({ data: { email: 'ada@campaign.test', role: 'admin' }, select: { id: true, email: true } })
})

describe('campaign updates and paper signers', () => {
  it('go to paper signers who gave an email and consent, once each, after the online signers; never to the others', async () => {
    await onlineSigner('online@example.org', true)
    await onlineSigner('said-no-online@example.org', false)
    await paperImport([
      { name: 'Yes One', email: 'yes1@example.org', consent: true },
      { name: 'Yes Two', email: 'yes2@example.org', consent: true },
      { name: 'Yes Three', email: 'Yes3@Example.org', consent: true },
      { name: 'No consent', email: 'no@example.org', consent: false },
      { name: 'No email', consent: true },
      { name: 'Bounced', email: 'bounced@example.org', consent: true },
      // Also signed online: their online choice decides, and they get one email, not two.
      { name: 'Online too', email: 'online@example.org', consent: true },
      { name: 'Said no online', email: 'said-no-online@example.org', consent: true },
    ])
    // The same person on a second form: one email.
    await paperImport([{ name: 'Yes One again', email: 'yes1@example.org', consent: true }])
    await paperImport([{ name: 'Only a preview', email: 'preview@example.org', consent: true }], 'previewed')
    await paperImport([{ name: 'Reverted', email: 'reverted@example.org', consent: true }], 'reverted')
    await prisma.suppression.create({ data: { emailKey: 'bounced@example.org', reason: 'bounce' } })

    const { audience, counts, rows } = await sendUpdate(2)
    expect(counts).toEqual({ 'online@example.org': 1, 'yes1@example.org': 1, 'yes2@example.org': 1, 'Yes3@Example.org': 1 })
    expect(audience).toBe(4)
    expect(rows.filter((r) => r.paperSignatureId).length).toBe(3)
    expect(rows.find((r) => r.to === 'online@example.org')).toMatchObject({ signatureId: expect.any(String), paperSignatureId: null })

    await deliverAllDue()
    const sent = testContext().resend.emails.filter((e) => e.to.includes('yes2@example.org'))
    expect(sent).toHaveLength(1)
    expect(sent[0].headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/campaign\.test\/unsubscribe\//)
  })

  it('a paper signer’s unsubscribe link works, and keeps them out of the next update', async () => {
    await paperImport([
      { name: 'Leaving', email: 'leaving@example.org', consent: true },
      { name: 'Staying', email: 'staying@example.org', consent: true },
    ])
    await sendUpdate()
    await deliverAllDue()
    const mail = testContext().resend.emails.find((e) => e.to.includes('leaving@example.org'))!
    const token = unsubscribeTokenIn(mail.text)
    expect(await unsubscribeState(token)).toEqual({ status: 'subscribed' })
    expect(await unsubscribe(token)).toEqual({ status: 'unsubscribed' })
    expect(await unsubscribeState(token)).toEqual({ status: 'unsubscribed' })
    expect(await prisma.paperSignature.findFirstOrThrow({ where: { email: 'leaving@example.org' } })).toMatchObject({ unsubscribedAt: expect.any(Date) })

    const { counts } = await sendUpdate()
    expect(counts).toEqual({ 'staying@example.org': 1 })
  })

  it('erasure and the campaign’s close remove them from every later update, and cancel one still waiting', async () => {
    await paperImport([
      { name: 'Erased', email: 'erased@example.org', consent: true },
      { name: 'Kept', email: 'kept@example.org', consent: true },
    ])
    // An update is written to the outbox, not yet sent, when Erased asks for everything to be erased.
    const first = await sendUpdate()
    expect(first.counts).toEqual({ 'erased@example.org': 1, 'kept@example.org': 1 })
    const { token, hash } = createToken()
    await prisma.email.create({ data: { kind: 'data_request', to: 'erased@example.org', subject: 'Your data', template: 'data-request', data: {}, status: 'sent', sentAt: new Date(), linkTokenHash: hash } })
    expect(await eraseMyData(token)).toEqual({ status: 'erased' })
    await deliverAllDue()
    expect(testContext().resend.emails.flatMap((e) => e.to)).toEqual(['kept@example.org'])

    expect((await sendUpdate()).counts).toEqual({ 'kept@example.org': 1 })

    // The campaign closed long enough ago: everyone is anonymised, and no update reaches anyone.
    await prisma.setting.create({ data: { key: 'campaign.closedAt', value: new Date('2020-01-01').toISOString() } })
    expect((await anonymiseAfterClose()).due).toBe(true)
    expect((await sendUpdate()).counts).toEqual({})
  })
})
