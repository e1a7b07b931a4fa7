// Suppressed addresses: admins only, searchable, paged, and lifted only by a confirmed, audited POST.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { isSuppressed } from '~/mail/suppression.server'
import * as page from '~/routes/admin.suppressions'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'

function form(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }
}

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000)

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Campaigner", "CampaignerSession", "AuditEntry", "Suppression", "Mp" CASCADE`
})

describe('suppressed addresses', () => {
  it('are for admins only, and cannot be lifted by a viewer or another site', async () => {
    await prisma.suppression.create({ data: { emailKey: 'jo@example.org', reason: 'bounce' } })
    const viewer = await signedInCampaigner('viewer')
    expect((await outcome(() => page.loader(routeArgs(viewer.request('/admin/suppressions'))))).status).toBe(403)
    expect((await outcome(() => page.action(routeArgs(viewer.request('/admin/suppressions', form({ intent: 'lift', address: 'jo@example.org' })))))).status).toBe(403)
    const admin = await signedInCampaigner('admin')
    const crossSite = new Request(`${TEST_APP_URL}/admin/suppressions`, form({ intent: 'lift', address: 'jo@example.org' }, { origin: 'http://evil.test', cookie: admin.cookie }))
    expect((await outcome(() => page.action(routeArgs(crossSite)))).status).toBe(403)
    expect((await isSuppressed('jo@example.org')).suppressed).toBe(true)
    expect(await prisma.auditEntry.count({ where: { action: 'suppression.lift' } })).toBe(0)
  })

  it('lists newest first, 100 a page, and finds an address or a domain', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.suppression.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({ emailKey: `person${i}@bulk.test`, reason: 'bounce', createdAt: at(1000 - i) })),
    })
    await prisma.suppression.create({ data: { emailKey: 'jobloggs@gmail.com', reason: 'complaint', createdAt: at(1) } })
    const load = async (query: string) => (await outcome(() => page.loader(routeArgs(admin.request(`/admin/suppressions${query}`))))).value

    const first = await load('')
    expect(first.list).toMatchObject({ total: 151, page: 1, pages: 2 })
    expect(first.list.rows).toHaveLength(100)
    expect(first.list.rows[0]).toMatchObject({ address: 'jobloggs@gmail.com', reason: 'complaint' })
    expect(first.list.rows[1].address).toBe('person149@bulk.test')
    const second = await load('?page=2')
    expect(second.list.rows).toHaveLength(51)
    expect(second.list.rows.at(-1).address).toBe('person0@bulk.test')
    expect((await load('?page=99')).list.page).toBe(2)
    expect((await load('?page=nonsense')).list.page).toBe(1)

    expect((await load('?q=BULK.test')).list.total).toBe(150)
    // Typed as the supporter wrote it: found through its mailbox.
    expect((await load(`?q=${encodeURIComponent('Jo.Bloggs+petition@googlemail.com')}`)).list.rows.map((r: any) => r.address)).toEqual(['jobloggs@gmail.com'])
    expect((await load('?q=nobody.test')).list.total).toBe(0)
  })

  it('asks before lifting, then lifts and audits without keeping a supporter’s address', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.suppression.create({ data: { emailKey: 'jo@example.org', reason: 'complaint' } })
    const confirm = await outcome(() => page.loader(routeArgs(admin.request('/admin/suppressions?lift=jo%40example.org'))))
    expect(confirm.value.confirming).toMatchObject({ address: 'jo@example.org', reason: 'complaint' })
    expect((await isSuppressed('jo@example.org')).suppressed).toBe(true)

    const lifted = await outcome(() => page.action(routeArgs(admin.request('/admin/suppressions', form({ intent: 'lift', address: 'jo@example.org', q: 'example' })))))
    expect(lifted.status).toBe(303)
    expect(lifted.value.headers.get('location')).toBe('/admin/suppressions?q=example&lifted=1')
    expect((await isSuppressed('jo@example.org')).suppressed).toBe(false)
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'suppression.lift' } })
    expect(entry.campaignerId).toBe(admin.campaigner.id)
    expect(entry.details).toMatchObject({ domain: 'example.org', reason: 'complaint' })
    expect(JSON.stringify(entry.details)).not.toContain('jo@')

    // Already lifted, or nonsense: a 400 with a message, nothing audited.
    const attempts: Record<string, string>[] = [{ intent: 'lift', address: 'jo@example.org' }, { intent: 'lift', address: 'not an address' }, { intent: 'lift' }, { intent: 'other' }]
    for (const fields of attempts) {
      const result = await outcome(() => page.action(routeArgs(admin.request('/admin/suppressions', form(fields)))))
      expect(result.status, JSON.stringify(fields)).toBe(400)
      expect(result.value.data.error).toBeTruthy()
    }
    expect(await prisma.auditEntry.count({ where: { action: 'suppression.lift' } })).toBe(1)
  })

  it('shows MPs whose address bounced with the letters held for them; marking the address as working sends those, audited', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.constituency.upsert({ where: { onsCode: 'E14009999' }, create: { onsCode: 'E14009999', name: 'Somewhere', nameKey: 'somewhere', nation: 'England' }, update: {} })
    await prisma.mp.createMany({
      data: [
        { id: 1, name: 'Bounced MP', fullTitle: 'Bounced MP', party: 'X', email: 'bounced.mp@parliament.uk', constituencyName: 'Somewhere', constituencyCode: 'E14009999', emailBouncedAt: at(5) },
        { id: 2, name: 'Fine MP', fullTitle: 'Fine MP', party: 'Y', email: 'fine.mp@parliament.uk' },
      ],
    })
    const held = await prisma.letter.create({
      data: {
        state: 'confirmed', confirmedAt: at(3), heldAt: at(3), mpId: 1, constituencyCode: 'E14009999', name: 'Held Writer', email: 'held@example.org',
        emailKey: 'held@example.org', postcode: 'RG1 1AA', subject: 'Please back the Bill', body: 'Dear Bounced MP,\n\nPlease back the Bill.', personalisation: 0.5,
      },
    })
    const loaded = (await outcome(() => page.loader(routeArgs(admin.request('/admin/suppressions'))))).value
    expect(loaded.mps).toEqual([expect.objectContaining({ id: 1, name: 'Bounced MP', constituency: 'Somewhere', address: 'bounced.mp@parliament.uk', heldLetters: 1 })])

    // Asks first, then sends the held letter once.
    const confirm = (await outcome(() => page.loader(routeArgs(admin.request('/admin/suppressions?clear=1'))))).value
    expect(confirm.clearing).toMatchObject({ id: 1, heldLetters: 1 })
    expect(await prisma.email.count({ where: { kind: 'letter_to_mp' } })).toBe(0)
    const cleared = await outcome(() => page.action(routeArgs(admin.request('/admin/suppressions', form({ intent: 'clear-bounce', mpId: '1' })))))
    expect(cleared.status).toBe(303)
    expect(cleared.value.headers.get('location')).toBe('/admin/suppressions?q=&released=1')
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 1 } })).emailBouncedAt).toBeNull()
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ state: 'confirmed', heldAt: null })
    expect(await prisma.email.findMany({ where: { kind: 'letter_to_mp' }, select: { to: true, letterId: true } })).toEqual([{ to: 'bounced.mp@parliament.uk', letterId: held.id }])
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'mp.bounce-clear' } })
    expect(entry.details).toMatchObject({ mpId: 1, address: 'bounced.mp@parliament.uk' })
    // Not flagged any more: nothing to do, nothing sent twice.
    expect((await outcome(() => page.action(routeArgs(admin.request('/admin/suppressions', form({ intent: 'clear-bounce', mpId: '1' })))))).status).toBe(400)
    expect(await prisma.email.count({ where: { kind: 'letter_to_mp' } })).toBe(1)
    expect((await outcome(() => page.loader(routeArgs(admin.request('/admin/suppressions'))))).value.mps).toEqual([])
  })

  it('names an MP’s address in the audit log when lifting it, and clears the MP’s bounce flag too', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.mp.create({ data: { id: 1, name: 'Bounced MP', fullTitle: 'Bounced MP', party: 'X', email: 'bounced.mp@parliament.uk', constituencyName: 'Somewhere', emailBouncedAt: at(5) } })
    await prisma.suppression.create({ data: { emailKey: 'bounced.mp@parliament.uk', reason: 'bounce' } })
    expect((await outcome(() => page.action(routeArgs(admin.request('/admin/suppressions', form({ intent: 'lift', address: 'bounced.mp@parliament.uk' })))))).status).toBe(303)
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'suppression.lift' } })
    expect(entry.details).toMatchObject({ address: 'bounced.mp@parliament.uk', mpId: 1, reason: 'bounce' })
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 1 } })).emailBouncedAt).toBeNull()
  })
})
