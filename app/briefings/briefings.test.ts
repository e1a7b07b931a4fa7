// MP briefings: who is eligible (and who not, and why), how one reads for an MP, and that each
// eligible MP gets exactly one, at most once in 30 days, through a crash mid-chunk and a faulty Resend.
import { beforeEach, describe, expect, it } from 'vitest'
import { deliverAllDue } from '~/emails/outbox.server'
import { renderEmail } from '~/emails/templates.server'
import { constituencyNameKey } from '~/constituencies/constituencies.server'
import { resendError } from '~/testing/stubs/resend-stub'
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { testContext } from '~/testing/context'
import { briefingSubject, briefingBodyText, DEFAULT_BRIEFING, type BriefingValues } from './briefing-text'
import { makeOutboxDue } from '~/testing/outbox'
import {
  briefingAudience,
  briefingSchema,
  createBriefing,
  getBriefing,
  queueBriefingChunk,
  startBriefing,
  updateBriefing,
} from './briefings.server'

let admin: { id: string; email: string }

const SEATS = {
  reading: { code: 'E14001438', name: 'Reading Central' },
  aldershot: { code: 'E14001063', name: 'Aldershot' },
  maidenhead: { code: 'E14001348', name: 'Maidenhead' },
  chorley: { code: 'E14001170', name: 'Chorley' },
  edinburgh: { code: 'S14000080', name: 'Edinburgh South' },
  cardiff: { code: 'W07000089', name: 'Cardiff East' },
  windsor: { code: 'E14001588', name: 'Windsor' },
  slough: { code: 'E14001477', name: 'Slough' },
  wokingham: { code: 'E14001593', name: 'Wokingham' },
} as const
type SeatName = keyof typeof SEATS

async function seat(which: SeatName, signatures: number, pending = 0) {
  const { code, name } = SEATS[which]
  await prisma.constituency.upsert({ where: { onsCode: code }, create: { onsCode: code, name, nameKey: constituencyNameKey(name), nation: 'England' }, update: {} })
  const insert = (state: 'validated' | 'pending', n: number) => prisma.$executeRaw`
    INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "privacyVersion", state, "tokenHash", "tokenExpiresAt", "validatedAt", "constituencyCode")
    SELECT gen_random_uuid(), 'Signer', ${which} || '-' || ${state} || i || '@example.org', ${which} || '-' || ${state} || i || '@example.org', 'RG1 1AA', 'v1',
      ${state}::"SignatureState", md5(random()::text), now() + interval '30 days', CASE WHEN ${state} = 'validated' THEN now() END, ${code}
    FROM generate_series(1, ${n}) AS i`
  if (signatures) await insert('validated', signatures)
  if (pending) await insert('pending', pending)
}

let nextId = 9000
async function mp(which: SeatName, fields: Partial<Prisma.MpUncheckedCreateInput> = {}) {
  const { code, name } = SEATS[which]
  const id = nextId++
  return prisma.mp.create({
    data: {
      id,
      name: `MP for ${name}`,
      fullTitle: `MP for ${name}`,
      party: 'Independent',
      email: `${which}.mp@parliament.uk`,
      constituencyName: name,
      constituencyKey: constituencyNameKey(name),
      constituencyCode: code,
      ...fields,
    },
  })
}

async function briefedAt(mpId: number, daysAgo: number) {
  const old = await prisma.briefing.create({ data: { subject: 'Old', bodyMarkdown: 'Old', threshold: 1, status: 'sent', createdById: admin.id } })
  await prisma.briefingRecipient.create({ data: { briefingId: old.id, mpId, createdAt: new Date(Date.now() - daysAgo * 86_400_000), queuedAt: new Date(Date.now() - daysAgo * 86_400_000) } })
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "Mp", "Constituency", "Briefing", "BriefingRecipient", "AuditEntry", "Campaigner" CASCADE`
  await prisma.$executeRaw`DROP TRIGGER IF EXISTS crash_mid_briefing ON "Email"`
  await prisma.$executeRaw`DROP TRIGGER IF EXISTS slow_claim ON "BriefingRecipient"`
  admin = await prisma.campaigner.create({ data: { email: 'carla@campaign.test', role: 'admin' }, select: { id: true, email: true } })
})

describe('who a briefing goes to', () => {
  it('MPs whose seat has at least N confirmed signatures, with an address, switched on, not bounced, not briefed in 30 days', async () => {
    await seat('reading', 5, 10)
    await seat('aldershot', 5)
    await seat('maidenhead', 6)
    await seat('chorley', 7)
    await seat('edinburgh', 4, 50) // pending signatures do not count
    await seat('cardiff', 5)
    await seat('windsor', 5)
    await seat('slough', 5)
    await seat('wokingham', 8)
    const reading = await mp('reading')
    const aldershot = await mp('aldershot', { targetEnabled: false, targetDisabledReason: 'The Speaker' })
    const maidenhead = await mp('maidenhead', { email: null })
    const chorley = await mp('chorley', { emailBouncedAt: new Date() })
    await mp('edinburgh')
    const cardiff = await mp('cardiff', { email: null, emailOverride: 'cardiff.override@parliament.uk' })
    const windsor = await mp('windsor')
    const slough = await mp('slough')
    // Not yet linked to its ONS code: found by the seat's name, as the directory does.
    const wokingham = await mp('wokingham', { constituencyCode: null })
    await prisma.mp.create({ data: { id: 1, name: 'Former', fullTitle: 'Former', party: 'X', email: 'former@parliament.uk', constituencyName: 'Reading Central', constituencyKey: constituencyNameKey('Reading Central'), status: 'former' } })
    await briefedAt(windsor.id, 29)
    await briefedAt(slough.id, 31)

    const audience = await briefingAudience(5)
    expect(audience.eligible.map((s) => s.mpId).sort()).toEqual([reading.id, cardiff.id, slough.id, wokingham.id].sort())
    expect(audience.eligible.find((s) => s.mpId === cardiff.id)!.address).toBe('cardiff.override@parliament.uk')
    expect(audience.eligible.find((s) => s.mpId === reading.id)!.signatures).toBe(5)
    expect(audience.eligible.find((s) => s.mpId === wokingham.id)).toMatchObject({ onsCode: SEATS.wokingham.code, signatures: 8, rank: 1, tied: false })
    const why = Object.fromEntries(audience.excluded.map((s) => [s.mpId, s.exclusion!.kind]))
    expect(why).toEqual({ [aldershot.id]: 'switched-off', [maidenhead.id]: 'no-address', [chorley.id]: 'bounced', [windsor.id]: 'briefed-recently' })
    expect(audience.belowThreshold).toBe(1) // Edinburgh South: 4 confirmed

    expect((await briefingAudience(8)).eligible.map((s) => s.mpId)).toEqual([wokingham.id])
    expect((await briefingAudience(9)).eligible).toEqual([])
  })

  it('refuses a template with an unknown placeholder, and a threshold that is not a whole number', () => {
    const bad = briefingSchema.safeParse({ subject: 'Hi {{mp_nmae}}', bodyMarkdown: 'Dear {{mp_name}} {{signaturez}}', threshold: '1.5' })
    expect(bad.success).toBe(false)
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages).toContain('subject: Unknown placeholder {{mp_nmae}}: use only the placeholders listed')
    expect(messages).toContain('bodyMarkdown: Unknown placeholder {{signaturez}}: use only the placeholders listed')
    expect(messages).toContain('threshold: Enter a whole number, like 100')
    expect(briefingSchema.safeParse({ ...DEFAULT_BRIEFING, threshold: '100' }).success).toBe(true)
  })
})

describe('how a briefing reads', () => {
  const hostile: BriefingValues = {
    mpName: 'Eve <script>alert(1)</script> **Bold** [win](https://evil.example/a)',
    constituency: 'Reading & <b>Central</b>',
    signatures: 12345,
    letters: 1002,
    rank: 2,
    tied: true,
    seatCount: 650,
    seatUrl: 'http://campaign.test/map/E14001438',
  }

  it('fills in figures, rank, asks and the seat link; names from Parliament stay text, never markup or links', async () => {
    const props = { subject: briefingSubject(DEFAULT_BRIEFING.subject, hostile), bodyMarkdown: DEFAULT_BRIEFING.bodyMarkdown, values: hostile }
    const { html, text } = await renderEmail('mp-briefing', props)
    expect(props.subject).toBe('12,345 of your constituents in Reading & <b>Central</b> back a Duty of Care')
    expect(html).toContain('<strong>12,345</strong>')
    expect(html).toContain('<strong>1,002</strong>')
    expect(html).toContain('joint 2nd of 650')
    expect(html).toContain('A regulator with teeth')
    expect(html.match(/<li/g)).toHaveLength(4)
    expect(html).toContain('href="http://campaign.test/map/E14001438"')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('evil.example/a"')
    expect(html).not.toMatch(/<strong>Bold<\/strong>/)
    expect(html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt; **Bold** [win](https://evil.example/a)')
    expect(html).toContain('Reading &amp; &lt;b&gt;Central&lt;/b&gt;')
    expect(text).toContain('Dear Eve <script>alert(1)</script> **Bold** [win](https://evil.example/a),')
    expect(text).toContain('joint 2nd of 650')
    expect(text).toContain('1. A legal Duty of Care: ')
    expect(text).toContain('http://campaign.test/map/E14001438')
  })

  it('an ordinary rank and small numbers', () => {
    const values = { ...hostile, mpName: 'Matt Rodda', constituency: 'Reading Central', signatures: 1, letters: 0, rank: 11, tied: false }
    const body = briefingBodyText('{{mp_name}}: {{signatures}} signed, {{letters}} wrote, {{rank}}. [Seat]({{seat_url}})', values)
    expect(body).toBe('Matt Rodda: 1 signed, 0 wrote, 11th of 650. Seat (http://campaign.test/map/E14001438)')
  })
})

describe('sending a briefing', () => {
  async function eligibleMps(n: number) {
    const names = Object.keys(SEATS).slice(0, n) as SeatName[]
    const mps = []
    for (const name of names) {
      await seat(name, 3)
      mps.push(await mp(name))
    }
    return mps
  }

  it('each eligible MP gets exactly one, through a crash mid-chunk and a Resend that fails, and none twice in 30 days', async () => {
    const mps = await eligibleMps(7)
    const { id } = await createBriefing(admin.id, { ...DEFAULT_BRIEFING, threshold: 3 })
    expect(await queueBriefingChunk(3)).toBe(0) // a draft sends nothing

    expect(await startBriefing(id, admin.id)).toEqual({ status: 'started', recipients: 7 })
    expect(await startBriefing(id, admin.id)).toEqual({ status: 'stale' })
    expect(await updateBriefing(id, admin.id, { ...DEFAULT_BRIEFING, threshold: 1 })).toBe(false)

    expect(await queueBriefingChunk(3)).toBe(3)
    // The worker dies while writing the next chunk: nothing of that chunk is kept.
    await prisma.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS briefing_crash_counter`)
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION crash_mid_briefing() RETURNS trigger AS $$
      BEGIN
        IF nextval('briefing_crash_counter') % 2 = 0 THEN RAISE EXCEPTION 'worker crashed mid-chunk'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    await prisma.$executeRawUnsafe(`CREATE TRIGGER crash_mid_briefing BEFORE INSERT ON "Email" FOR EACH ROW EXECUTE FUNCTION crash_mid_briefing()`)
    await expect(queueBriefingChunk(3)).rejects.toThrow(/crashed/)
    await prisma.$executeRaw`DROP TRIGGER crash_mid_briefing ON "Email"`
    expect(await prisma.email.count({ where: { kind: 'mp_briefing' } })).toBe(3)
    expect(await prisma.briefingRecipient.count({ where: { briefingId: id, emailId: { not: null } } })).toBe(3)

    // Resend has a bad minute: a 500, then a response lost on the way back (accepted, but we never heard).
    testContext().resend.failNext(resendError(500, 'application_error', 'Something went wrong'))
    await deliverAllDue()
    testContext().resend.loseNextResponse()
    await deliverAllDue()
    await makeOutboxDue()

    let rounds = 0
    while ((await getBriefing(id))!.status === 'sending' && rounds++ < 10) await queueBriefingChunk(3)
    for (let i = 0; i < 5; i++) {
      await makeOutboxDue()
      await deliverAllDue()
    }

    const done = (await getBriefing(id))!
    expect(done.status).toBe('sent')
    expect(done).toMatchObject({ recipientCount: 7, queuedCount: 7, skippedCount: 0 })
    const delivered = testContext().resend.emails.map((e) => e.to[0]).sort()
    expect(delivered).toEqual(mps.map((m) => m.email!).sort())
    expect(await prisma.email.count({ where: { kind: 'mp_briefing' } })).toBe(7)

    const reading = testContext().resend.emails.find((e) => e.to[0] === 'reading.mp@parliament.uk')!
    expect(reading.subject).toBe('3 of your constituents in Reading Central back a Duty of Care')
    expect(reading.reply_to).toEqual('campaign@dutyofcare.test')
    expect(reading.html).toContain('Dear MP for Reading Central,')
    expect(reading.html).toContain('href="http://campaign.test/map/E14001438"')

    // A second briefing within 30 days reaches none of them.
    const second = await createBriefing(admin.id, { ...DEFAULT_BRIEFING, threshold: 1 })
    expect((await briefingAudience(1)).eligible).toEqual([])
    expect(await startBriefing(second.id, admin.id)).toEqual({ status: 'nobody' })

    const actions = (await prisma.auditEntry.findMany({ orderBy: { createdAt: 'asc' } })).map((a) => a.action)
    expect(actions).toEqual(['briefing.create', 'briefing.start', 'briefing.create'])
  })

  it('two briefings started at the same moment never both claim an MP', async () => {
    await eligibleMps(5)
    const a = await createBriefing(admin.id, { ...DEFAULT_BRIEFING, threshold: 1 })
    const b = await createBriefing(admin.id, { ...DEFAULT_BRIEFING, threshold: 1 })
    // Each claim takes a second to write, so both starts are inside one another's window.
    await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION slow_claim() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$ LANGUAGE plpgsql`)
    await prisma.$executeRawUnsafe(`CREATE TRIGGER slow_claim BEFORE INSERT ON "BriefingRecipient" FOR EACH STATEMENT EXECUTE FUNCTION slow_claim()`)
    const outcomes = await Promise.all([startBriefing(a.id, admin.id), startBriefing(b.id, admin.id)]).finally(() => prisma.$executeRaw`DROP TRIGGER slow_claim ON "BriefingRecipient"`)
    const started = outcomes.filter((o) => o.status === 'started')
    expect(started).toEqual([{ status: 'started', recipients: 5 }])
    expect(outcomes.filter((o) => o.status === 'nobody')).toHaveLength(1)
    const perMp = await prisma.briefingRecipient.groupBy({ by: ['mpId'], _count: { _all: true } })
    expect(perMp).toHaveLength(5)
    expect(perMp.every((r) => r._count._all === 1)).toBe(true)
  })

  it('an MP switched off or whose address bounced after the start is skipped, not mailed; suppression never stops a briefing', async () => {
    const [reading, aldershot, maidenhead] = await eligibleMps(3)
    const { id } = await createBriefing(admin.id, { ...DEFAULT_BRIEFING, threshold: 3 })
    await startBriefing(id, admin.id)
    await prisma.mp.update({ where: { id: aldershot.id }, data: { targetEnabled: false, targetDisabledReason: 'Asked us to stop' } })
    await prisma.mp.update({ where: { id: maidenhead.id }, data: { emailBouncedAt: new Date() } })
    // A supporter's bounce once suppressed this address: mail to an MP goes regardless (decision 054).
    await prisma.suppression.create({ data: { emailKey: 'reading.mp@parliament.uk', reason: 'bounce' } })
    await queueBriefingChunk()
    await deliverAllDue()
    expect(testContext().resend.emails.map((e) => e.to[0])).toEqual([reading.email])
    const done = (await getBriefing(id))!
    expect(done).toMatchObject({ status: 'sent', queuedCount: 1, skippedCount: 2 })
    expect(done.recipients.map((r) => r.state).sort()).toEqual(['Not sent: address bounced', 'Not sent: target switched off', 'sent'])
  })
})
