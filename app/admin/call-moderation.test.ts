// Striking out "I called" presses (decision 079): bursts for one seat are shown, a campaigner strikes out a
// seat's calls in a time window with a reason (audited), and they leave every count until the strike-out is undone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/lib/db.server'
import { seatPage } from '~/map/support.server'
import { callBursts, callSearchSchema, recentCallStrikeOuts, revertCallStrikeOut, searchCalls, strikeOutCalls } from './call-moderation.server'
import type { Campaigner } from './auth.server'
import { constituencyTable, dashboardFigures } from './figures.server'

const READING = 'E14001438'
const MAIDENHEAD = 'E14001348'
let admin: Campaigner

/** `n` calls for the seat, one a minute from `start` (UTC). */
async function calls(onsCode: string, mpId: number, start: string, n: number) {
  for (let i = 0; i < n; i++) {
    await prisma.call.create({ data: { mpId, constituencyCode: onsCode, createdAt: new Date(new Date(start).getTime() + i * 60_000) } })
  }
}

/** Every count calls appear in: the dashboard (and figures.json), the constituency table (and CSV), the seat page. */
async function counts() {
  vi.setSystemTime(Date.now() + 10_000) // past the dashboard's 5-second memo
  const figures = await dashboardFigures()
  const table = await constituencyTable()
  return {
    total: figures.calls.total,
    topSeats: Object.fromEntries(figures.calls.topSeats.map((s) => [s.onsCode, s.calls])),
    table: Object.fromEntries(table.filter((r) => r.calls).map((r) => [r.onsCode, r.calls])),
    readingPage: (await seatPage(READING))!.calls,
  }
}

const search = (callFrom: string, callTo: string, callSeat = READING) => callSearchSchema.parse({ callSeat, callFrom, callTo })

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-28T16:00:00Z'))
  await prisma.$executeRaw`TRUNCATE "Call", "CallStrikeOut", "Mp", "Constituency", "AuditEntry", "Campaigner" CASCADE`
  admin = (await prisma.campaigner.create({ data: { email: 'mo@campaign.test', role: 'admin' }, select: { id: true, email: true, role: true } })) as Campaigner
  for (const [code, name, id] of [[READING, 'Reading Central', 4654], [MAIDENHEAD, 'Maidenhead', 4011]] as const) {
    await prisma.constituency.create({ data: { onsCode: code, name, nameKey: name.toLowerCase(), nation: 'England' } })
    await prisma.mp.create({ data: { id, name: `MP for ${name}`, fullTitle: `MP for ${name}`, party: 'Independent', constituencyCode: code, constituencyName: name } })
  }
})

afterEach(() => {
  vi.useRealTimers()
})

describe('striking out calls', () => {
  it('shows a burst for one seat, strikes it out (audited) so it leaves every count, and undoes it', async () => {
    // UK time is GMT in November: 14:00 UTC is 14:00 in London.
    await calls(READING, 4654, '2026-11-28T14:00:00Z', 8) // a burst: 8 in 8 minutes
    await calls(READING, 4654, '2026-11-28T10:00:00Z', 2) // ordinary calls the same day
    await calls(MAIDENHEAD, 4011, '2026-11-28T14:00:00Z', 3) // below the burst threshold

    expect(await callBursts()).toEqual([{ onsCode: READING, name: 'Reading Central', from: '2026-11-28T14:00:00.000Z', to: '2026-11-28T14:10:00.000Z', calls: 8 }])
    const before = await counts()
    expect(before).toEqual({ total: 13, topSeats: { [READING]: 10, [MAIDENHEAD]: 3 }, table: { [READING]: 10, [MAIDENHEAD]: 3 }, readingPage: 10 })

    const burst = search('2026-11-28T14:00', '2026-11-28T14:10')
    expect(await searchCalls(burst)).toEqual({ seat: { onsCode: READING, name: 'Reading Central' }, counting: 8, struck: 0 })
    // The count moved since the campaigner looked: nothing is struck out.
    expect(await strikeOutCalls(admin, burst, 'burst of presses in eight minutes', 7)).toEqual({ status: 'changed', count: 8 })
    expect(await strikeOutCalls(admin, burst, 'burst of presses in eight minutes', 8)).toEqual({ status: 'done', count: 8 })
    expect(await strikeOutCalls(admin, burst, 'again', 8)).toEqual({ status: 'nothing' })

    expect(await counts()).toEqual({ total: 5, topSeats: { [READING]: 2, [MAIDENHEAD]: 3 }, table: { [READING]: 2, [MAIDENHEAD]: 3 }, readingPage: 2 })
    expect(await callBursts()).toEqual([])
    expect(await searchCalls(burst)).toMatchObject({ counting: 0, struck: 8 })
    const [strike] = await recentCallStrikeOuts()
    expect(strike).toMatchObject({ seat: 'Reading Central', count: 8, reason: 'burst of presses in eight minutes', by: 'mo@campaign.test', revertedAt: null })
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { action: 'calls.strike-out' } })).toMatchObject({
      campaignerId: admin.id,
      details: expect.objectContaining({ constituencyCode: READING, count: 8, reason: 'burst of presses in eight minutes' }),
    })

    expect(await revertCallStrikeOut(admin, strike.id)).toBe('reverted')
    expect(await revertCallStrikeOut(admin, strike.id)).toBe('not-found')
    expect(await counts()).toEqual(before)
    expect(await prisma.auditEntry.count({ where: { action: 'calls.strike-out-undo' } })).toBe(1)
    expect((await recentCallStrikeOuts())[0].revertedAt).not.toBeNull()
  })

  it('reads the window in UK time and refuses a bad seat code or a window that ends before it starts', async () => {
    vi.setSystemTime(new Date('2026-07-01T16:00:00Z'))
    await calls(READING, 4654, '2026-07-01T13:00:00Z', 2) // 14:00 in London (BST)
    expect(await searchCalls(search('2026-07-01T14:00', '2026-07-01T14:05'))).toMatchObject({ counting: 2 })
    expect(await searchCalls(search('2026-07-01T13:00', '2026-07-01T13:05'))).toMatchObject({ counting: 0 })
    expect(callSearchSchema.safeParse({ callSeat: 'Reading', callFrom: '2026-07-01T14:00', callTo: '2026-07-01T15:00' }).success).toBe(false)
    const backwards = callSearchSchema.safeParse({ callSeat: READING, callFrom: '2026-07-01T15:00', callTo: '2026-07-01T14:00' })
    expect(backwards.success ? null : backwards.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['callTo', 'The end must be after the start']])
  })
})
