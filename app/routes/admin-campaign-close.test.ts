// Closing the campaign: admins only, validated, audited, and it sets the date the retention job reads.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { anonymiseAfterClose, CAMPAIGN_CLOSED_AT } from '~/retention/retention.server'
import * as page from '~/routes/admin.campaign'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'

const DAY_MS = 24 * 3600 * 1000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

function form(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }
}

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Campaigner", "CampaignerSession", "AuditEntry", "Setting" CASCADE`
})

describe('closing the campaign', () => {
  it('is refused to viewers and to other sites', async () => {
    const viewer = await signedInCampaigner('viewer')
    expect((await outcome(() => page.loader(routeArgs(viewer.request('/admin/campaign'))))).status).toBe(403)
    const closeDay = isoDay(new Date(Date.now() + 30 * DAY_MS))
    expect((await outcome(() => page.action(routeArgs(viewer.request('/admin/campaign', form({ intent: 'close', closedAt: closeDay })))))).status).toBe(403)
    const admin = await signedInCampaigner('admin')
    const crossSite = new Request(`${TEST_APP_URL}/admin/campaign`, form({ intent: 'close', closedAt: closeDay }, { origin: 'http://evil.test', cookie: admin.cookie }))
    expect((await outcome(() => page.action(routeArgs(crossSite)))).status).toBe(403)
    expect(await prisma.setting.count({ where: { key: CAMPAIGN_CLOSED_AT } })).toBe(0)
    expect(await prisma.auditEntry.count({ where: { action: { startsWith: 'campaign.' } } })).toBe(0)
  })

  it('rejects a missing, malformed, impossible, too early or too late date with a field error', async () => {
    const admin = await signedInCampaigner('admin')
    const longAgo = isoDay(new Date(Date.now() - 200 * DAY_MS)) // anonymisation would already be due
    const farAhead = isoDay(new Date(Date.now() + 6 * 366 * DAY_MS))
    for (const [closedAt, message] of [
      ['', /Enter the date/],
      ['31/03/2027', /year-month-day/],
      ['2027-02-30', /real date/],
      [longAgo, /later date/],
      [farAhead, /within the next 5 years/],
    ] as const) {
      const result = await outcome(() => page.action(routeArgs(admin.request('/admin/campaign', form({ intent: 'close', closedAt })))))
      expect(result.status, closedAt).toBe(400)
      expect(result.value.data.result.error.closedAt[0], closedAt).toMatch(message)
    }
    expect((await outcome(() => page.action(routeArgs(admin.request('/admin/campaign', form({ intent: 'nonsense' })))))).status).toBe(400)
    expect(await prisma.setting.count()).toBe(0)
    expect(await prisma.auditEntry.count()).toBe(0)
  })

  it('sets the close date, says when data will be anonymised, and reopens — each audited', async () => {
    const admin = await signedInCampaigner('admin')
    const before = await outcome(() => page.loader(routeArgs(admin.request('/admin/campaign'))))
    expect(before.value.status).toMatchObject({ open: true, closedAt: null, afterCloseMonths: 6 })

    const closeDay = isoDay(new Date(Date.now() - 10 * DAY_MS))
    const saved = await outcome(() => page.action(routeArgs(admin.request('/admin/campaign', form({ intent: 'close', closedAt: closeDay })))))
    expect(saved.status).toBe(303)
    expect(saved.value.headers.get('location')).toBe('/admin/campaign?saved=closed')
    expect((await prisma.setting.findUniqueOrThrow({ where: { key: CAMPAIGN_CLOSED_AT } })).value).toBe(`${closeDay}T00:00:00.000Z`)

    const status = (await outcome(() => page.loader(routeArgs(admin.request('/admin/campaign'))))).value.status
    const due = new Date(`${closeDay}T00:00:00.000Z`)
    due.setUTCMonth(due.getUTCMonth() + 6)
    expect(status).toMatchObject({ open: false, closedAt: `${closeDay}T00:00:00.000Z`, anonymiseAt: due.toISOString(), anonymised: false })
    // The retention job reads the same setting: not due yet, due once the months have passed.
    expect((await anonymiseAfterClose()).due).toBe(false)
    expect((await anonymiseAfterClose(new Date(due.getTime() + 1000))).due).toBe(true)

    const reopened = await outcome(() => page.action(routeArgs(admin.request('/admin/campaign', form({ intent: 'reopen' })))))
    expect(reopened.status).toBe(303)
    expect(await prisma.setting.count({ where: { key: CAMPAIGN_CLOSED_AT } })).toBe(0)
    expect((await outcome(() => page.action(routeArgs(admin.request('/admin/campaign', form({ intent: 'reopen' })))))).status).toBe(400)

    const entries = await prisma.auditEntry.findMany({ where: { action: { startsWith: 'campaign.' } }, orderBy: { createdAt: 'asc' } })
    expect(entries.map((e) => [e.action, e.campaignerId])).toEqual([
      ['campaign.close', admin.campaigner.id],
      ['campaign.reopen', admin.campaigner.id],
    ])
    expect(entries[0].details).toEqual({ before: null, after: `${closeDay}T00:00:00.000Z`, anonymiseAt: due.toISOString() })
    expect(entries[1].details).toEqual({ before: `${closeDay}T00:00:00.000Z` })
  })
})
