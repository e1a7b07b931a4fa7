// The briefing pages: admins only, same-site only, field-level errors, a confirmation step before
// anything is sent, and MP targets showing when each MP was last briefed and what the reply survey said.
import { beforeEach, describe, expect, it } from 'vitest'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'
import { constituencyNameKey } from '~/constituencies/constituencies.server'
import { prisma } from '~/lib/db.server'
import * as detail from '~/routes/admin.briefings-detail'
import * as compose from '~/routes/admin.briefings-new'
import * as mpsPage from '~/routes/admin.mps'

function form(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }
}

const good = { threshold: '2', subject: 'Your constituents in {{constituency}}', bodyMarkdown: 'Dear {{mp_name}}, {{signatures}} signed. {{rank}}. {{seat_url}}' }

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Campaigner", "CampaignerSession", "AuditEntry", "Briefing", "BriefingRecipient", "Email", "Signature", "Letter", "Mp", "Constituency" CASCADE`
  await prisma.constituency.create({ data: { onsCode: 'E14001438', name: 'Reading Central', nameKey: constituencyNameKey('Reading Central'), nation: 'England' } })
  await prisma.mp.create({ data: { id: 4654, name: 'Matt Rodda', fullTitle: 'Matt Rodda MP', party: 'Labour', email: 'matt.rodda.mp@parliament.uk', constituencyName: 'Reading Central', constituencyKey: constituencyNameKey('Reading Central'), constituencyCode: 'E14001438' } })
  await prisma.$executeRaw`
    INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "privacyVersion", state, "tokenHash", "tokenExpiresAt", "validatedAt", "constituencyCode")
    SELECT gen_random_uuid(), 'S', 's' || i || '@example.org', 's' || i || '@example.org', 'RG1 1AA', 'v1', 'validated', md5(random()::text), now() + interval '1 day', now(), 'E14001438'
    FROM generate_series(1, 3) AS i`
})

describe('MP briefing pages', () => {
  it('are for admins only, and refuse a form posted from another site', async () => {
    const viewer = await signedInCampaigner('viewer')
    const id = crypto.randomUUID()
    expect((await outcome(() => detail.loader(routeArgs(viewer.request(`/admin/briefings/${id}`), { id })))).status).toBe(403)
    expect((await outcome(() => detail.action(routeArgs(viewer.request(`/admin/briefings/${id}`, form({ intent: 'start' })), { id })))).status).toBe(403)
    const admin = await signedInCampaigner('admin')
    const crossSite = new Request(`${TEST_APP_URL}/admin/briefings/new`, form(good, { origin: 'http://evil.test', cookie: admin.cookie }))
    expect((await outcome(() => compose.action(routeArgs(crossSite)))).status).toBe(403)
    expect(await prisma.briefing.count()).toBe(0)
    expect((await outcome(() => detail.loader(routeArgs(admin.request('/admin/briefings/not-a-uuid'), { id: 'not-a-uuid' })))).status).toBe(404)
  })

  it('say what is wrong with each field, and never 500 on nonsense', async () => {
    const admin = await signedInCampaigner('admin')
    const bad = await outcome(() => compose.action(routeArgs(admin.request('/admin/briefings/new', form({ threshold: 'lots', subject: '', bodyMarkdown: 'Hi {{nope}}' })))))
    expect(bad.status).toBe(400)
    expect(bad.value.data.result.error).toMatchObject({
      threshold: ['Enter the number of signatures as a whole number, like 100'],
      subject: ['Enter a subject'],
      bodyMarkdown: ['Unknown placeholder {{nope}}: use only the placeholders listed'],
    })
    const { id } = await prisma.briefing.create({ data: { subject: 's', bodyMarkdown: 'b', threshold: 1, createdById: admin.campaigner.id } })
    expect((await outcome(() => detail.action(routeArgs(admin.request(`/admin/briefings/${id}`, form({ intent: 'nope' })), { id })))).status).toBe(400)
    expect((await outcome(() => detail.action(routeArgs(admin.request(`/admin/briefings/${id}`, form({ intent: 'save', threshold: '-3' })), { id })))).status).toBe(400)
  })

  it('compose, see who gets it, preview, confirm, send; audited; MP targets shows it', async () => {
    const admin = await signedInCampaigner('admin')
    const saved = await outcome(() => compose.action(routeArgs(admin.request('/admin/briefings/new', form(good)))))
    expect(saved.status).toBe(303)
    const location = saved.value.headers.get('location') as string
    const id = location.match(/\/admin\/briefings\/([0-9a-f-]{36})/)![1]

    const draft = await outcome(() => detail.loader(routeArgs(admin.request(`/admin/briefings/${id}?mp=4654`), { id })))
    expect(draft.value.audience.eligible.map((s: { name: string }) => s.name)).toEqual(['Matt Rodda'])
    expect(draft.value.preview).toMatchObject({ mpId: 4654, to: 'matt.rodda.mp@parliament.uk', subject: 'Your constituents in Reading Central' })
    expect(draft.value.preview.values).toMatchObject({ signatures: 3, rank: 1, seatUrl: 'http://campaign.test/map/E14001438' })
    expect(draft.value.confirming).toBe(false)
    expect((await outcome(() => detail.loader(routeArgs(admin.request(`/admin/briefings/${id}?step=confirm`), { id })))).value.confirming).toBe(true)
    expect(await prisma.briefingRecipient.count()).toBe(0) // nothing is sent before the confirmation's button

    const started = await outcome(() => detail.action(routeArgs(admin.request(`/admin/briefings/${id}`, form({ intent: 'start' })), { id })))
    expect(started.value.headers.get('location')).toBe(`/admin/briefings/${id}?done=started`)
    const sending = await outcome(() => detail.loader(routeArgs(admin.request(`/admin/briefings/${id}`), { id })))
    expect(sending.value.briefing).toMatchObject({ status: 'sending', recipientCount: 1 })
    expect(sending.value.audience).toBeNull()
    expect((await prisma.auditEntry.findMany({ where: { action: { startsWith: 'briefing.' } }, orderBy: { createdAt: 'asc' } })).map((a) => [a.action, a.details])).toEqual([
      ['briefing.create', { briefingId: id, subject: good.subject, threshold: 2 }],
      ['briefing.start', { briefingId: id, threshold: 2, mpIds: [4654] }],
    ])

    // Letters to him, and what his constituents said in the reply survey.
    const letter = (replyStatus: 'replied' | 'acknowledged' | 'no_reply' | null, i: number) =>
      prisma.letter.create({
        data: { mpId: 4654, constituencyCode: 'E14001438', name: 'W', email: `w${i}@example.org`, emailKey: `w${i}@example.org`, postcode: 'RG1 1AA', personalisation: 0.5, state: 'delivered', confirmedAt: new Date(), replyStatus },
      })
    await Promise.all([letter('replied', 1), letter('replied', 2), letter('acknowledged', 3), letter('no_reply', 4), letter(null, 5)])
    const targets = await outcome(() => mpsPage.loader(routeArgs(admin.request('/admin/mps?q=Rodda'))))
    const row = targets.value.list.rows[0]
    expect(row.lastBriefedAt).not.toBeNull()
    expect(row.replies).toEqual({ sent: 5, replied: 2, acknowledged: 1, noReply: 1 })
  })
})
