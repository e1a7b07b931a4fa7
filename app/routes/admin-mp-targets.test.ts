// MP targets scale to 650 seats: searched and paged, 50 to a page (decision 097).
import { describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { routeArgs, signedInCampaigner } from '~/admin/testing.server'
import { MP_TARGETS_PER_PAGE, mpTargets } from '~/admin/campaign.server'
import * as route from '~/routes/admin.mps'

const pad = (i: number) => String(i).padStart(3, '0')

describe('MP targets, paged', () => {
  it('shows 50 at a time, in constituency order, and clamps a page out of range', async () => {
    await prisma.mp.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        id: 900_000 + i,
        name: `Pagetest Member ${pad(i)}`,
        fullTitle: `Pagetest Member ${pad(i)} MP`,
        party: 'Independent',
        constituencyName: `Pagetest Seat ${pad(i)}`,
      })),
    })
    const first = await mpTargets('pagetest', 1)
    expect(MP_TARGETS_PER_PAGE).toBe(50)
    expect(first).toMatchObject({ total: 120, page: 1, pages: 3, first: 1, last: 50 })
    expect(first.rows).toHaveLength(50)
    expect(first.rows[0].constituency).toBe('Pagetest Seat 000')
    const last = await mpTargets('pagetest', 3)
    expect(last).toMatchObject({ page: 3, first: 101, last: 120 })
    expect(last.rows.map((r) => r.constituency).at(-1)).toBe('Pagetest Seat 119')
    expect((await mpTargets('pagetest', 99)).page).toBe(3)
    expect((await mpTargets('pagetest', Number('x'))).page).toBe(1)
    expect(await mpTargets('Seat 007', 1)).toMatchObject({ total: 1, pages: 1 })
    expect(await mpTargets('no such seat', 1)).toMatchObject({ total: 0, pages: 1, first: 0, rows: [] })

    const admin = await signedInCampaigner('admin')
    const page2 = (await route.loader(routeArgs(admin.request('/admin/mps?q=pagetest&page=2')))) as Awaited<ReturnType<typeof route.loader>>
    expect(page2.list).toMatchObject({ page: 2, first: 51, last: 100 })
  })
})
