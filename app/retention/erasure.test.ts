// Erasure and anonymisation that leave nothing: a person with a signature,
// letters, every kind of email (sent, queued, in flight, bounced), Resend's
// reports, a suppression, abuse counters and a moderation strike-out, all
// under different spellings of one address; then every table of the
// database, every column, is searched for them.
import crypto from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { invalidateMatches, revertInvalidation, criteriaSchema } from '~/admin/moderation.server'
import { importPreviewed, previewPaperImport } from '~/admin/paper-imports.server'
import { signedInCampaigner } from '~/admin/testing.server'
import { retention } from '~/campaign/retention'
import { Prisma } from '~/generated/prisma/client'
import { addressRateKey } from '~/lib/address-rate-key.server'
import { prisma } from '~/lib/db.server'
import { consume } from '~/lib/rate-limit.server'
import { createToken } from '~/lib/tokens.server'
import { deliverAllDue, deliverBatch } from '~/emails/outbox.server'
import { recordAndApply } from '~/mail/webhooks.server'
import { refreshCounts } from '~/petition/counts.server'
import { testContext } from '~/testing/context'
import { eraseMyData, exportMyData, requestDataLink } from './my-data.server'
import { personKey, personKeySql } from './person.server'
import { anonymiseAfterClose, CAMPAIGN_CLOSED_AT, runRetention } from './retention.server'

const DAY = 24 * 3600 * 1000
const now = new Date()
const later = new Date(Date.now() + 3600_000)

/** Jo, under five spellings of one Gmail inbox (case, +tags, dots, googlemail.com). */
const jo = {
  name: 'Joanna Bloggington',
  signedAs: 'Jo.Bloggs+petition@Gmail.com',
  firstLetterAs: 'JOBLOGGS@googlemail.com',
  secondLetterAs: 'jo.bloggs@gmail.com',
  signedAgainAs: 'j.o.bloggs+again@gmail.com',
  longAgoAs: 'Jo.Bloggs+old@gmail.com',
  onPaperAs: 'JO.BLOGGS+fair@gmail.com',
  paperPostcode: 'RG1 2LU',
  addressLine1: '17 Acacia Avenue',
  town: 'Caversham Heights',
  postcode: 'RG4 7QZ',
  phone: '07700 900123',
  subject: 'Joanna asks you to protect children online',
  body: 'As a parent in Caversham I see every day how these apps are built to keep children scrolling.',
  ip: '203.0.113.99',
}

/** Every trace of Jo a dump must not contain (compared lower-cased). */
const TRACES = [
  jo.signedAs, jo.firstLetterAs, jo.secondLetterAs, jo.signedAgainAs, jo.longAgoAs, jo.onPaperAs, jo.paperPostcode, 'jobloggs@gmail.com', 'jo.bloggs', 'jobloggs',
  jo.name, 'Bloggington', jo.addressLine1, jo.town, jo.postcode, jo.phone, jo.subject, 'scrolling', jo.ip,
].map((t) => t.toLowerCase())

/** Every row of every table in the database, as text. */
async function dumpDatabase(): Promise<string> {
  const tables = await prisma.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema::text AS schema, table_name::text AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`
  const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`
  const parts: string[] = []
  for (const table of tables) {
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM ${quote(table.schema)}.${quote(table.name)} t`)
    parts.push(`${table.name}: ${rows.map((r) => r.row).join('\n')}`)
  }
  expect(tables.length).toBeGreaterThan(15)
  return parts.join('\n').toLowerCase()
}

function tracesIn(dump: string) {
  return TRACES.filter((trace) => dump.includes(trace))
}

async function seedPlaces() {
  await prisma.constituency.createMany({
    data: [
      { onsCode: 'E14001438', name: 'Reading Central', nameKey: 'reading central', nation: 'England' },
      { onsCode: 'S14000080', name: 'Edinburgh South', nameKey: 'edinburgh south', nation: 'Scotland' },
    ],
  })
  await prisma.mp.createMany({
    data: [
      { id: 4654, name: 'Matt Rodda', fullTitle: 'Matt Rodda MP', party: 'Labour', email: 'matt.rodda.mp@parliament.uk', constituencyCode: 'E14001438' },
      { id: 4000, name: 'Ian Murray', fullTitle: 'Ian Murray MP', party: 'Labour', email: 'ian.murray.mp@parliament.uk', constituencyCode: 'S14000080' },
    ],
  })
}

let seq = 0
function email(fields: { kind: Prisma.EmailCreateInput['kind']; to: string; status?: Prisma.EmailCreateInput['status'] } & Partial<Prisma.EmailUncheckedCreateInput>) {
  seq++
  return prisma.email.create({
    data: {
      subject: 'Confirm your signature: Duty of Care petition',
      template: 'signature-confirmation',
      data: { name: jo.name },
      providerId: fields.status && fields.status !== 'queued' && fields.status !== 'sending' ? `re_${seq}_${Math.random()}` : null,
      sentAt: fields.status && fields.status !== 'queued' && fields.status !== 'sending' ? now : null,
      ...fields,
    },
  })
}

function letter(fields: { email: string; mpId: number; constituencyCode: string; state: 'sent' | 'delivered' | 'confirmed' } & Partial<Prisma.LetterUncheckedCreateInput>) {
  return prisma.letter.create({
    data: {
      name: jo.name, emailKey: fields.email.toLowerCase(), addressLine1: jo.addressLine1, town: jo.town, postcode: jo.postcode, phone: jo.phone,
      subject: jo.subject, body: jo.body, personalisation: 0.7, fingerprint: [11, 22, 33], ipAddress: jo.ip, confirmedAt: now,
      sentAt: fields.state === 'confirmed' ? null : now, deliveredAt: fields.state === 'delivered' ? now : null, tokenHash: `letter-token-${fields.mpId}`,
      ...fields,
    },
  })
}

/** Jo's whole history, plus Sam (who must be left alone). Returns Jo's signature id. */
async function seedJoAndSam() {
  // Before signing online she signed on paper at a fair, giving her email and saying yes to updates (imported);
  // another file with her on it was previewed and never imported. Sam signed on paper too.
  const paperAdmin = await signedInCampaigner('admin')
  const paperCsv = (rows: string[]) => new File([['Full name,Postcode,Email,Consent,Date,Event', ...rows].join('\r\n')], 'fair.csv')
  const unimported = await previewPaperImport(paperAdmin.campaigner, paperCsv([`Joanna Bloggington-Smith,${jo.paperPostcode},${jo.onPaperAs.toLowerCase()},,2026-11-02,Reading market`]))
  expect(unimported).toMatchObject({ status: 'previewed' })
  const fair = await previewPaperImport(paperAdmin.campaigner, paperCsv([`${jo.name},${jo.paperPostcode},${jo.onPaperAs},yes,2026-11-01,Reading fair`, 'Sam Keeps,EH10 4BF,,,2026-11-01,Reading fair']))
  if (fair.status !== 'previewed') throw new Error(fair.message)
  expect(await importPreviewed(paperAdmin.campaigner, fair.importId)).toMatchObject({ status: 'imported', count: 2 })
  const signature = await prisma.signature.create({
    data: {
      name: jo.name, email: jo.signedAs, emailKey: 'jobloggs@gmail.com', postcode: jo.postcode, optIn: true, privacyVersion: 'v1',
      state: 'validated', validatedAt: now, tokenHash: 'jo-token', tokenExpiresAt: new Date(now.getTime() + DAY), ipAddress: jo.ip,
      constituencyCode: 'E14001438', nation: 'England', locatedAt: now,
    },
  })
  await prisma.signature.create({
    data: {
      name: 'Sam Keeps', email: 'sam.keeps@example.org', emailKey: 'sam.keeps@example.org', postcode: 'EH9 1AA', optIn: true, privacyVersion: 'v1',
      state: 'validated', validatedAt: now, tokenHash: 'sam-token', tokenExpiresAt: new Date(now.getTime() + DAY), ipAddress: '198.51.100.7',
      constituencyCode: 'S14000080', nation: 'Scotland', locatedAt: now,
    },
  })
  const first = await letter({ email: jo.firstLetterAs, mpId: 4654, constituencyCode: 'E14001438', state: 'delivered' })
  const second = await letter({ email: jo.secondLetterAs, mpId: 4000, constituencyCode: 'S14000080', state: 'confirmed' })

  await email({ kind: 'signature_confirmation', to: jo.signedAs, status: 'sent', signatureId: signature.id, secrets: Prisma.DbNull })
  // Queued (not due yet) and in flight (claimed by a sender) when the erasure comes.
  await email({ kind: 'already_signed', to: jo.signedAgainAs, status: 'queued', notBefore: later, signatureId: signature.id, subject: 'You have already signed the Duty of Care petition' })
  await email({ kind: 'reply_survey', to: jo.firstLetterAs, status: 'sending', idempotencyKey: 'a-batch', claimToken: crypto.randomUUID(), claimExpiresAt: later, letterId: first.id, subject: 'Did Matt Rodda reply to your letter?', secrets: { name: jo.name } })
  // From a signature purged long ago: tied to nothing, still naming Jo.
  await email({ kind: 'signature_confirmation', to: jo.longAgoAs, status: 'delivered' })
  const toMp = await email({
    kind: 'letter_to_mp', to: 'matt.rodda.mp@parliament.uk', replyTo: jo.firstLetterAs, fromName: `${jo.name} via Duty of Care`, subject: jo.subject,
    template: 'letter-to-mp', data: { name: jo.name, addressLine1: jo.addressLine1, phone: jo.phone, body: jo.body }, status: 'delivered', letterId: first.id,
    outboxHtml: `<p>${jo.body}</p>`, outboxText: jo.body,
  })
  const copy = await email({
    kind: 'letter_copy', to: jo.firstLetterAs, subject: `Your letter to Matt Rodda: ${jo.subject}`, template: 'letter-copy', status: 'sent', letterId: first.id,
  })
  await email({
    kind: 'letter_to_mp', to: 'ian.murray.mp@parliament.uk', replyTo: jo.secondLetterAs, fromName: `${jo.name} via Duty of Care`, subject: jo.subject,
    template: 'letter-to-mp', data: { name: jo.name, body: jo.body }, status: 'queued', notBefore: later, letterId: second.id,
  })

  // What Resend told us: a delivery (its payload repeats the subject and Jo's name), a bounce quoting her address, and one we never matched.
  await recordAndApply('msg_delivered', { type: 'email.delivered', data: { email_id: toMp.providerId, to: ['matt.rodda.mp@parliament.uk'], from: `"${jo.name} via Duty of Care" <campaign@dutyofcare.test>`, subject: jo.subject } } as never)
  await recordAndApply('msg_bounced', {
    type: 'email.bounced',
    data: { email_id: copy.providerId, to: [jo.firstLetterAs], subject: `Your letter to Matt Rodda: ${jo.subject}`, bounce: { type: 'Permanent', subType: 'General', message: `550 5.1.1 <${jo.firstLetterAs}>: Recipient address rejected` } },
  } as never)
  await recordAndApply('msg_unmatched', { type: 'email.sent', data: { email_id: 're_unknown', to: [jo.secondLetterAs] } } as never)
  expect(await prisma.suppression.count()).toBe(1)
  expect((await prisma.email.findUniqueOrThrow({ where: { id: copy.id } })).lastError).toContain(jo.firstLetterAs)

  // Abuse counters for her address.
  await consume('lettersPerEmail', addressRateKey(jo.secondLetterAs))

  // A campaigner searched for her and struck her signature out, then put it back.
  const admin = await signedInCampaigner('admin')
  const search = criteriaSchema.parse({ email: jo.signedAs, name: 'Bloggington', postcode: jo.postcode, ip: jo.ip })
  const struck = await invalidateMatches(admin.campaigner, search, `Looked fake: ${jo.signedAs} from ${jo.ip}`, 1)
  if (struck.status !== 'done') throw new Error(struck.status)
  await revertInvalidation(admin.campaigner, struck.invalidationId)

  return signature.id
}

async function counts() {
  await refreshCounts()
  return {
    total: (await prisma.petitionCount.findFirstOrThrow()).signatureCount,
    paper: (await prisma.petitionCount.findFirstOrThrow()).paperCount,
    paperByConstituency: await prisma.$queryRaw`
      SELECT p."constituencyCode", p.nation, count(*)::int AS n FROM "PaperSignature" p JOIN "PaperImport" i ON i.id = p."importId"
      WHERE i.state = 'imported' GROUP BY 1, 2 ORDER BY 1`,
    constituencies: await prisma.constituencyCount.findMany({ orderBy: { onsCode: 'asc' }, select: { onsCode: true, signatureCount: true } }),
    nations: await prisma.$queryRaw`SELECT nation, count(*)::int AS n FROM "Signature" WHERE state = 'validated' GROUP BY 1 ORDER BY 1`,
    perMp: await prisma.$queryRaw`
      SELECT "mpId", count(*) FILTER (WHERE "confirmedAt" IS NOT NULL AND state <> 'invalidated')::int AS confirmed, count(*)::int AS letters
      FROM "Letter" GROUP BY 1 ORDER BY 1`,
  }
}

/**
 * The data link a request would have emailed. (Made here rather than through the outbox: Jo's
 * inbox is suppressed after the bounce, and this test is about what erasure leaves, not delivery.)
 */
async function dataLinkFor(address: string) {
  const { token, hash } = createToken()
  await prisma.email.create({
    data: { kind: 'data_request', to: address, subject: 'Your data held by the Duty of Care campaign', template: 'data-request', data: { validHours: 24 }, status: 'sent', sentAt: now, providerId: `re_request_${hash.slice(0, 8)}`, linkTokenHash: hash },
  })
  await consume('dataRequestsPerEmail', addressRateKey(address))
  return token
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "Mp", "Constituency", "ConstituencyCount", "PetitionCount", "Suppression",
    "WebhookEvent", "Setting", "RateLimit", "Invalidation", "AuditEntry", "Campaigner", "CampaignerSession", "PaperSignature", "PaperImport" CASCADE`
  await seedPlaces()
})

describe('the key that finds every spelling of an address', () => {
  it('gives the same answers in JavaScript and in SQL', async () => {
    const spellings = [jo.signedAs, jo.firstLetterAs, jo.secondLetterAs, jo.signedAgainAs, ' Jo@Example.ORG ', 'jo+a+b@example.org', '+tag@example.org', 'no-at-sign', 'anonymised', 'a.b@outlook.com']
    const [row] = await prisma.$queryRaw<{ keys: string[] }[]>`
      SELECT array_agg(${personKeySql(Prisma.sql`s`)} ORDER BY n) AS keys FROM unnest(${spellings}::text[]) WITH ORDINALITY AS t(s, n)`
    expect(row.keys).toEqual(spellings.map(personKey))
    expect(new Set(spellings.slice(0, 4).map(personKey))).toEqual(new Set(['jobloggs@gmail.com']))
    expect(personKey('a.b@outlook.com')).toBe('a.b@outlook.com')
  })
})

describe('erasure', () => {
  it('leaves no trace of the person in any table, under any spelling, and every count stays', async () => {
    await seedJoAndSam()
    const token = await dataLinkFor(jo.secondLetterAs)
    const before = await counts()
    const beforeDump = await dumpDatabase()
    expect(tracesIn(beforeDump)).toEqual(TRACES)

    // The copy she downloads covers every spelling too.
    const copy = await exportMyData(token)
    expect(copy?.signature).toMatchObject({ email: jo.signedAs, wantsUpdates: false, tickedUpdatesWhenSigning: true })
    expect(copy?.letters.map((l) => l.email).sort()).toEqual([jo.firstLetterAs, jo.secondLetterAs].sort())
    expect(copy?.emailsBlocked).toMatchObject({ reason: 'bounce' })
    expect(copy?.paperSignatures).toEqual([
      expect.objectContaining({ name: jo.name, email: jo.onPaperAs, event: 'Reading fair', agreedToUpdates: true, counted: true }),
      expect.objectContaining({ email: jo.onPaperAs.toLowerCase(), event: 'Reading market', counted: false }),
    ])

    expect(await eraseMyData(token)).toEqual({ status: 'erased' })

    const dump = await dumpDatabase()
    expect(tracesIn(dump)).toEqual([])
    expect(dump).toContain('sam keeps')
    expect(dump).toContain('sam.keeps@example.org')
    expect(await counts()).toEqual(before)
    // Mail still waiting is cancelled, and stays cancelled.
    expect(await prisma.email.count({ where: { status: { in: ['queued', 'sending'] } } })).toBe(0)
    await deliverAllDue()
    expect(testContext().resend.emails).toEqual([])
    // Her abuse counters are gone, not merely hashed.
    expect(await prisma.rateLimit.count({ where: { key: { endsWith: addressRateKey(jo.secondLetterAs) } } })).toBe(0)
    expect(await prisma.rateLimit.count()).toBe(0)
    expect(await prisma.webhookEvent.count()).toBe(3)
  })

  it('leaves an email a sender had already claimed cancelled and empty when the sender finishes', async () => {
    const signature = await prisma.signature.create({
      data: { name: jo.name, email: jo.secondLetterAs, emailKey: 'jobloggs@gmail.com', postcode: jo.postcode, privacyVersion: 'v1', state: 'validated', validatedAt: now, tokenHash: 'x', tokenExpiresAt: later },
    })
    const token = await dataLinkFor(jo.secondLetterAs)
    const inFlight = await email({ kind: 'already_signed', to: jo.secondLetterAs, status: 'queued', signatureId: signature.id, subject: 'You have already signed the Duty of Care petition', template: 'already-signed', data: { name: jo.name, writeUrl: 'http://campaign.test/write' } })
    // The sender has claimed and rendered the email; the erasure lands before it records the send.
    const report = await deliverBatch({ beforeSend: async () => void (await eraseMyData(token)) })
    expect(report.claimed).toBe(1)
    const row = await prisma.email.findUniqueOrThrow({ where: { id: inFlight.id } })
    expect(row).toMatchObject({ to: 'anonymised', status: 'suppressed', data: {}, outboxHtml: null, providerId: null })
    expect(tracesIn(await dumpDatabase())).toEqual([])
  })
})

describe('anonymisation when the campaign closes', () => {
  it('leaves no trace of any supporter in any table, and every count stays', async () => {
    await seedJoAndSam()
    await requestDataLink(jo.signedAs, { ipAddress: '192.0.2.45' })
    const before = await counts()
    await prisma.setting.create({ data: { key: CAMPAIGN_CLOSED_AT, value: now.toISOString() } })
    const result = await anonymiseAfterClose(new Date(now.getTime() + (retention.afterCloseMonths * 31 + 1) * DAY))
    expect(result).toMatchObject({ due: true, signatures: 2, letters: 2 })
    expect(await prisma.paperSignature.count({ where: { anonymisedAt: null } })).toBe(0)

    const dump = await dumpDatabase()
    expect(tracesIn(dump)).toEqual([])
    for (const sam of ['sam keeps', 'sam.keeps', '198.51.100.7', 'eh9 1aa']) expect(dump).not.toContain(sam)
    expect(await counts()).toEqual(before)
    expect(await prisma.email.count({ where: { status: { in: ['queued', 'sending'] } } })).toBe(0)
  })
})

describe('the daily retention job', () => {
  it('keeps only the event and the email id of webhook events it has applied', async () => {
    await seedJoAndSam()
    await runRetention(now)
    const payloads = JSON.stringify(await prisma.webhookEvent.findMany({ where: { processedAt: { not: null } } }))
    expect(payloads.toLowerCase()).not.toContain('bloggs')
    expect(payloads).toContain('email.bounced')
    // One it could not match yet is still waiting, whole, for its email to be recorded.
    expect(JSON.stringify(await prisma.webhookEvent.findMany({ where: { processedAt: null } }))).toContain(jo.secondLetterAs)
  })
})
