// A briefing that bounces flags the MP's address like a bounced letter: through the real webhook route with
// a signed (Svix) payload, on a real database, with the briefings really sent through the Resend stub.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { clearMpBounce } from '~/admin/suppressions.server'
import { constituencyNameKey } from '~/constituencies/constituencies.server'
import { deliverAllDue } from '~/emails/outbox.server'
import { prisma } from '~/lib/db.server'
import { setEmailOverride } from '~/mps/targets.server'
import { action as webhookAction } from '~/routes/webhooks-resend'
import { testContext } from '~/testing/context'
import { resendEvent, signWebhook } from '~/testing/webhooks'
import { DEFAULT_BRIEFING } from '~/briefings/briefing-text'
import { briefingAudience, createBriefing, getBriefing, queueBriefingChunk, startBriefing } from '~/briefings/briefings.server'

const SECRET = vi.hoisted(() => {
  const secret = `whsec_${Buffer.from('briefing bounce webhook secret').toString('base64')}`
  process.env.RESEND_WEBHOOK_SECRET = secret
  return secret
})

const SEATS = [
  { code: 'E14001438', name: 'Reading Central' },
  { code: 'E14001063', name: 'Aldershot' },
  { code: 'E14001348', name: 'Maidenhead' },
] as const

let admin: { id: string; email: string; role: 'admin' }
let ip = 0

/** POSTs to the route module's own action, as the server does. */
async function postWebhook(type: string, providerId: string, to: string, extra: Record<string, unknown> = {}) {
  const signed = signWebhook(SECRET, resendEvent(type, providerId, to, extra))
  const request = new Request('http://campaign.test/webhooks/resend', { method: 'POST', headers: signed.headers, body: signed.body })
  const response = (await webhookAction({ request, context: { clientIp: `203.0.113.${++ip % 250}` }, params: {} } as never)) as Response
  expect(response.status).toBe(200)
}

/** Three MPs with enough signatures; one briefing started, queued and sent to all three. */
async function sentBriefing() {
  const mps = []
  for (const [i, { code, name }] of SEATS.entries()) {
    await prisma.constituency.create({ data: { onsCode: code, name, nameKey: constituencyNameKey(name), nation: 'England' } })
    await prisma.$executeRaw`
      INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "privacyVersion", state, "tokenHash", "tokenExpiresAt", "validatedAt", "constituencyCode")
      SELECT gen_random_uuid(), 'Signer', ${code} || i || '@example.org', ${code} || i || '@example.org', 'RG1 1AA', 'v1',
        'validated', md5(random()::text), now() + interval '30 days', now(), ${code}
      FROM generate_series(1, 3) AS i`
    mps.push(
      await prisma.mp.create({
        data: { id: 7100 + i, name: `MP for ${name}`, fullTitle: `MP for ${name}`, party: 'Independent', email: `mp${i}@parliament.uk`, constituencyName: name, constituencyKey: constituencyNameKey(name), constituencyCode: code },
      }),
    )
  }
  const { id } = await createBriefing(admin.id, { ...DEFAULT_BRIEFING, threshold: 3 })
  expect(await startBriefing(id, admin.id)).toEqual({ status: 'started', recipients: 3 })
  expect(await queueBriefingChunk()).toBe(3)
  await deliverAllDue()
  const emails = await prisma.email.findMany({ where: { kind: 'mp_briefing' }, select: { to: true, providerId: true, status: true } })
  expect(emails.map((e) => e.status)).toEqual(['sent', 'sent', 'sent'])
  const providerOf = (to: string) => emails.find((e) => e.to === to)!.providerId!
  return { id, mps, providerOf }
}

const bouncedAt = async (mpId: number) => (await prisma.mp.findUniqueOrThrow({ where: { id: mpId } })).emailBouncedAt

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "Mp", "Constituency", "Briefing", "BriefingRecipient", "AuditEntry", "Campaigner", "WebhookEvent", "Suppression" CASCADE`
  admin = await prisma.campaigner.create({ data: { email: 'carla@campaign.test', role: 'admin' }, select: { id: true, email: true, role: true } }) as typeof admin
})

describe('a briefing that bounces', () => {
  it('flags the MP’s address on a hard bounce or a complaint (never on a soft bounce), shows it, and the next briefing leaves the MP out', async () => {
    const { id, mps, providerOf } = await sentBriefing()
    const [hard, complained, soft] = mps

    await postWebhook('email.bounced', providerOf(hard.email!), hard.email!, { bounce: { type: 'Permanent', subType: 'General', message: 'No such mailbox' } })
    await postWebhook('email.complained', providerOf(complained.email!), complained.email!)
    await postWebhook('email.bounced', providerOf(soft.email!), soft.email!, { bounce: { type: 'Transient', subType: 'MailboxFull' } })

    expect(await bouncedAt(hard.id)).toEqual(expect.any(Date))
    expect(await bouncedAt(complained.id)).toEqual(expect.any(Date))
    expect(await bouncedAt(soft.id)).toBeNull()
    // Mail to MPs is never suppressed (decision 054): the flag is what holds it.
    expect(await prisma.suppression.count()).toBe(0)

    const page = (await getBriefing(id))!
    const state = Object.fromEntries(page.recipients.map((r) => [r.mpId, r.state]))
    expect(state).toEqual({
      [hard.id]: 'bounced: address flagged on MP targets',
      [complained.id]: 'complained: address flagged on MP targets',
      [soft.id]: 'bounced',
    })

    // The next briefing (30 days on) lists the flagged MPs as "address bounced", and sends to the third only.
    await prisma.briefingRecipient.updateMany({ data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } })
    const next = await briefingAudience(3)
    expect(next.eligible.map((s) => s.mpId)).toEqual([soft.id])
    expect(Object.fromEntries(next.excluded.map((s) => [s.mpId, s.exclusion!.kind]))).toEqual({ [hard.id]: 'bounced', [complained.id]: 'bounced' })
  })

  it('does not flag an address the MP no longer has, and the flag clears on a new address or an admin’s audited "mark as working"', async () => {
    const { mps, providerOf } = await sentBriefing()
    const [moved, cleared] = mps
    // A campaigner set a new address after the briefing went: the old one bouncing says nothing about it.
    await setEmailOverride(moved.id, 'new.address@parliament.uk')
    await postWebhook('email.bounced', providerOf(moved.email!), moved.email!, { bounce: { type: 'Permanent' } })
    expect(await bouncedAt(moved.id)).toBeNull()

    await postWebhook('email.bounced', providerOf(cleared.email!), cleared.email!, { bounce: { type: 'Permanent' } })
    expect(await bouncedAt(cleared.id)).toEqual(expect.any(Date))
    expect(await clearMpBounce(admin as never, cleared.id)).toBe(0)
    expect(await bouncedAt(cleared.id)).toBeNull()
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'mp.bounce-clear' } })
    expect(audit.details).toMatchObject({ mpId: cleared.id, address: cleared.email })

    // Flagged again, then a new address set on MP targets clears it too.
    await prisma.mp.update({ where: { id: cleared.id }, data: { emailBouncedAt: new Date() } })
    await setEmailOverride(cleared.id, 'fixed@parliament.uk')
    expect(await bouncedAt(cleared.id)).toBeNull()
  })
})
