// The dashboard's figures agree with the public count and hold no personal data.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { refreshCounts } from '~/petition/counts.server'
import { petitionJson } from '~/petition/public-counts.server'
import { loader as figuresJson } from '~/routes/admin-figures-json'
import { loader as dashboard } from '~/routes/admin._index'
import { constituencyTable, dashboardFigures, HOURS_SHOWN } from '~/admin/figures.server'
import type { Prisma } from '~/generated/prisma/client'
import { insertSignature, outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'

let n = 0
function signature(state: 'pending' | 'validated', extra: Partial<Prisma.SignatureUncheckedCreateInput> = {}) {
  n++
  return insertSignature({ state, name: `Secret Name ${n}`, email: `secret${n}@example.org`, ...extra })
}

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Signature", "Campaigner", "CampaignerSession", "AuditEntry", "PetitionCount", "ConstituencyCount", "Constituency", "Mp", "Letter", "Email" CASCADE`
})

describe('dashboard figures', () => {
  it('show the public total, pending, rates, letters, series and places', async () => {
    await prisma.constituency.create({ data: { onsCode: 'E14001438', name: 'Reading Central', nameKey: 'reading central', nation: 'England' } })
    await prisma.constituency.create({ data: { onsCode: 'S14000080', name: 'Edinburgh South', nameKey: 'edinburgh south', nation: 'Scotland' } })
    await prisma.mp.create({ data: { id: 7, name: 'Matt Rodda', fullTitle: 'Matt Rodda MP', party: 'Labour', constituencyCode: 'E14001438' } })
    for (let i = 0; i < 3; i++) await signature('validated', { constituencyCode: 'E14001438', nation: 'England', optIn: i === 0 })
    await signature('validated', { constituencyCode: 'S14000080', nation: 'Scotland', validatedAt: new Date(Date.now() - 3 * 86400_000) })
    await signature('pending')
    await signature('invalidated' as never)
    const letter = await prisma.letter.create({
      data: { mpId: 7, constituencyCode: 'E14001438', name: 'L', email: 'l@example.org', emailKey: 'l@example.org', postcode: 'RG1 1AA', personalisation: 0.4, state: 'sent', confirmedAt: new Date() },
    })
    await prisma.letter.create({
      data: { mpId: 7, constituencyCode: 'E14001438', name: 'M', email: 'm@example.org', emailKey: 'm@example.org', postcode: 'RG1 1AA', personalisation: 0, state: 'confirmed', confirmedAt: new Date() },
    })
    await prisma.$executeRaw`
      INSERT INTO "Email" (id, kind, "to", subject, template, data, status, "letterId", "updatedAt")
      VALUES (gen_random_uuid(), 'letter_to_mp', 'mp@parliament.uk', 's', 't', '{}', 'bounced', ${letter.id}::uuid, now())`
    await prisma.milestone.createMany({ data: [{ threshold: 3 }, { threshold: 10_000 }], skipDuplicates: true })
    await refreshCounts()

    const figures = await dashboardFigures()
    expect(figures.signatures.confirmed).toBe((await petitionJson()).signature_count)
    expect(figures.signatures).toEqual({ confirmed: 4, pending: 1, confirmationRate: 0.8, optInRate: 0.25 })
    expect(figures.letters).toMatchObject({ confirmed: 2, sent: 1, delivered: 0, bounced: 1, personalisationRate: 0.5, mpsWrittenTo: 1, mpsTotal: 650 })
    expect(figures.letters.averageOwnWords).toBeCloseTo(0.2)
    expect(figures.perHour).toHaveLength(HOURS_SHOWN)
    expect(figures.perHour.at(-1)).toMatchObject({ signatures: 3, letters: 2 })
    expect(figures.perHour.reduce((s, p) => s + p.signatures, 0)).toBe(3)
    expect(figures.perDay.length).toBeGreaterThanOrEqual(4)
    expect(figures.perDay.reduce((s, p) => s + p.signatures, 0)).toBe(4)
    expect(figures.byNation).toEqual([{ name: 'England', signatures: 3 }, { name: 'Scotland', signatures: 1 }])
    expect(figures.topConstituencies[0]).toEqual({ onsCode: 'E14001438', name: 'Reading Central', mp: 'Matt Rodda', signatures: 3, letters: 2 })
    expect(figures.milestones.progress).toMatchObject({ count: 4, next: 10_000 })
    expect(figures.milestones.list.find((m) => m.threshold === 3)?.reachedAt).not.toBeNull()

    // A seat known only from the MP directory is listed too.
    await prisma.mp.create({ data: { id: 8, name: 'Alex Baker', fullTitle: 'Alex Baker MP', party: 'Labour', constituencyName: 'Aldershot' } })
    const all = await constituencyTable()
    expect(all.map((c) => c.name)).toEqual(['Reading Central', 'Edinburgh South', 'Aldershot'])
    expect(all[2]).toEqual({ onsCode: null, name: 'Aldershot', nation: null, mp: 'Alex Baker', party: 'Labour', signatures: 0, letters: 0, calls: 0 })
    expect((await constituencyTable('rodda')).map((c) => c.name)).toEqual(['Reading Central'])
    expect(await constituencyTable('%')).toEqual([])
  })
})

describe('who sees the figures', () => {
  it('viewers do, with no supporter’s name or email anywhere in them', async () => {
    await signature('validated')
    await refreshCounts()
    const viewer = await signedInCampaigner('viewer')
    const page = await outcome(() => dashboard(routeArgs(viewer.request('/admin'))))
    expect(page.status).toBe(200)
    const json = await figuresJson(routeArgs(viewer.request('/admin/figures.json')))
    const text = await json.text()
    // (Figures are remembered for a few seconds, so the exact total may be the previous test's.)
    expect(JSON.parse(text).signatures.confirmed).toEqual(expect.any(Number))
    expect(JSON.stringify(page.value)).not.toMatch(/Secret Name|secret\d+@/)
    expect(text).not.toMatch(/Secret Name|secret\d+@/)
  })

  it('signed-out polling gets a 401 (not the sign-in page), and polling does not keep a session alive', async () => {
    const signedOut = await outcome(() => figuresJson(routeArgs(new Request(`${TEST_APP_URL}/admin/figures.json`))))
    expect(signedOut.status).toBe(401)
    const viewer = await signedInCampaigner('viewer')
    const old = new Date(Date.now() - 10 * 60_000)
    await prisma.campaignerSession.updateMany({ data: { lastSeenAt: old } })
    await figuresJson(routeArgs(viewer.request('/admin/figures.json')))
    expect((await prisma.campaignerSession.findFirstOrThrow()).lastSeenAt).toEqual(old)
  })
})
