// Suppressed addresses: admins only, searchable, paged, and lifted only by a confirmed, audited POST.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { isSuppressed } from '~/mail/suppression.server'
import * as page from '~/routes/admin.suppressions'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from './testing.server'

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

  it('shows MPs whose address bounced, and names an MP’s address in the audit log', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.mp.createMany({
      data: [
        { id: 1, name: 'Bounced MP', fullTitle: 'Bounced MP', party: 'X', email: 'bounced.mp@parliament.uk', constituencyName: 'Somewhere', emailBouncedAt: at(5) },
        { id: 2, name: 'Fine MP', fullTitle: 'Fine MP', party: 'Y', email: 'fine.mp@parliament.uk' },
      ],
    })
    await prisma.suppression.create({ data: { emailKey: 'bounced.mp@parliament.uk', reason: 'bounce' } })
    const loaded = (await outcome(() => page.loader(routeArgs(admin.request('/admin/suppressions'))))).value
    expect(loaded.mps).toEqual([
      expect.objectContaining({ id: 1, name: 'Bounced MP', constituency: 'Somewhere', address: 'bounced.mp@parliament.uk', suppressed: true }),
    ])
    expect((await outcome(() => page.action(routeArgs(admin.request('/admin/suppressions', form({ intent: 'lift', address: 'bounced.mp@parliament.uk' })))))).status).toBe(303)
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'suppression.lift' } })
    expect(entry.details).toMatchObject({ address: 'bounced.mp@parliament.uk', mpId: 1, reason: 'bounce' })
    const after = (await outcome(() => page.loader(routeArgs(admin.request('/admin/suppressions'))))).value
    expect(after.mps[0].suppressed).toBe(false)
  })
})
