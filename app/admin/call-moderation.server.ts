// Striking out "I called" presses (decision 079): calls are claims nobody can verify (decision 113), so a
// campaigner who sees a burst for one seat strikes out that seat's calls in a time window, with a reason.
// Struck-out calls leave every count at once (each count reads `"strikeOutId" IS NULL`); undoing puts them back.
// Audited both ways.
import { z } from 'zod'
import { prisma } from '~/lib/db.server'
import { col, sql } from '~/lib/sql.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'

/** A burst: at least this many calls for one seat inside one window of this many minutes. */
export const CALL_BURST = { min: 5, minutes: 10, lookBackHours: 48 }

/** "2026-11-28T14:30" from a datetime-local field, read as UK time. */
const ukLocalTime = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .max(40, 'Enter a date and time, like 2026-11-28 14:30')
    .transform((v) => v.replace(/^(\d{4}-\d{2}-\d{2})\s+/, '$1T'))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Enter a date and time, like 2026-11-28 14:30'))

export const callSearchSchema = z
  .object({
    callSeat: z
      .string({ required_error: 'Enter the constituency’s ONS code, like E14001438' })
      .trim()
      .max(20, 'Enter the constituency’s ONS code, like E14001438')
      .toUpperCase()
      .pipe(z.string().regex(/^[A-Z]\d{8}$/, 'Enter the constituency’s ONS code, like E14001438')),
    callFrom: ukLocalTime('Enter when the calls start'),
    callTo: ukLocalTime('Enter when the calls end'),
  })
  .refine((c) => c.callFrom < c.callTo, { path: ['callTo'], message: 'The end must be after the start' })
export type CallSearch = z.output<typeof callSearchSchema>

export const callStrikeSchema = z.object({
  reason: z
    .string({ required_error: 'Say why these calls are being struck out' })
    .trim()
    .min(3, 'Say why these calls are being struck out')
    .max(500, 'Use 500 characters or fewer'),
  expected: z.coerce.number().int().min(0),
})

/** The window as UTC timestamps (calls are stored in UTC), converted from UK time by PostgreSQL. */
async function utcWindow(c: CallSearch) {
  const [w] = await sql.rows({ from: col.at, to: col.at })`
    SELECT (${c.callFrom}::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC' AS "from",
           (${c.callTo}::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC' AS "to"`
  return w
}

export interface CallMatches {
  seat: { onsCode: string; name: string } | null
  /** Calls in the window still counting (what a strike-out would take out). */
  counting: number
  struck: number
}

/** How many of the seat's calls in the window count now, and how many are struck out already. */
export async function searchCalls(c: CallSearch): Promise<CallMatches> {
  const { from, to } = await utcWindow(c)
  const [seat, [counts]] = await Promise.all([
    prisma.constituency.findUnique({ where: { onsCode: c.callSeat }, select: { onsCode: true, name: true } }),
    sql.rows({ counting: col.number, struck: col.number })`
      SELECT count(*) FILTER (WHERE "strikeOutId" IS NULL)::int AS counting, count(*) FILTER (WHERE "strikeOutId" IS NOT NULL)::int AS struck
      FROM "Call" WHERE "constituencyCode" = ${c.callSeat} AND "createdAt" >= ${from} AND "createdAt" < ${to}`,
  ])
  return { seat, ...counts }
}

export type CallStrikeOutcome = { status: 'done'; count: number } | { status: 'changed'; count: number } | { status: 'nothing' }

/**
 * Strikes out the seat's counting calls in the window, if they are still the `expected` number the
 * campaigner saw (else nothing changes): one CallStrikeOut row, the calls pointing at it, an audit entry.
 */
export async function strikeOutCalls(campaigner: Campaigner, c: CallSearch, reason: string, expected: number): Promise<CallStrikeOutcome> {
  const { from, to } = await utcWindow(c)
  return prisma.$transaction(async (tx) => {
    // Lock the seat's calls in the window, so the count checked is the count struck.
    const calls = await sql.rows({ id: col.string }, tx)`
      SELECT id FROM "Call" WHERE "constituencyCode" = ${c.callSeat} AND "createdAt" >= ${from} AND "createdAt" < ${to} AND "strikeOutId" IS NULL
      ORDER BY id FOR UPDATE`
    if (!calls.length) return { status: 'nothing' }
    if (calls.length !== expected) return { status: 'changed', count: calls.length }
    const strike = await tx.callStrikeOut.create({
      data: { campaignerId: campaigner.id, constituencyCode: c.callSeat, from, to, reason, callCount: calls.length },
      select: { id: true },
    })
    await tx.call.updateMany({ where: { id: { in: calls.map((r) => r.id) } }, data: { strikeOutId: strike.id } })
    await audit(campaigner.id, 'calls.strike-out', { strikeOutId: strike.id, constituencyCode: c.callSeat, from: from.toISOString(), to: to.toISOString(), reason, count: calls.length }, tx)
    return { status: 'done', count: calls.length }
  })
}

/** Undoes a strike-out: its calls count again. */
export async function revertCallStrikeOut(campaigner: Campaigner, id: string): Promise<'reverted' | 'not-found'> {
  if (!z.string().uuid().safeParse(id).success) return 'not-found'
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.callStrikeOut.updateMany({ where: { id, revertedAt: null }, data: { revertedAt: new Date() } })
    if (!count) return 'not-found'
    const restored = await tx.call.updateMany({ where: { strikeOutId: id }, data: { strikeOutId: null } })
    await audit(campaigner.id, 'calls.strike-out-undo', { strikeOutId: id, count: restored.count }, tx)
    return 'reverted'
  })
}

export async function recentCallStrikeOuts(limit = 20) {
  const rows = await prisma.callStrikeOut.findMany({ orderBy: { createdAt: 'desc' }, take: limit, include: { campaigner: { select: { email: true } } } })
  const seats = await prisma.constituency.findMany({ where: { onsCode: { in: [...new Set(rows.map((r) => r.constituencyCode))] } }, select: { onsCode: true, name: true } })
  const names = new Map(seats.map((s) => [s.onsCode, s.name]))
  return rows.map((r) => ({
    id: r.id,
    seat: names.get(r.constituencyCode) ?? r.constituencyCode,
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    count: r.callCount,
    reason: r.reason,
    by: r.campaigner?.email ?? 'a former campaigner',
    at: r.createdAt.toISOString(),
    revertedAt: r.revertedAt?.toISOString() ?? null,
  }))
}

export interface CallBurst {
  onsCode: string
  name: string
  /** The window's start and end (UTC). */
  from: string
  to: string
  calls: number
}

/**
 * Bursts in the last CALL_BURST.lookBackHours: a seat with CALL_BURST.min or more counting calls inside one
 * CALL_BURST.minutes window (windows on the clock: 14:00–14:10, 14:10–14:20…), most calls first.
 */
export async function callBursts(now = new Date()): Promise<CallBurst[]> {
  const since = new Date(now.getTime() - CALL_BURST.lookBackHours * 3600_000)
  const rows = await sql.rows({ code: col.string, name: col.string, at: col.at, n: col.number })`
    SELECT k."constituencyCode" AS code, c.name, k.at, k.n FROM (
      SELECT "constituencyCode", date_bin(make_interval(mins => ${CALL_BURST.minutes}), "createdAt", TIMESTAMP '2000-01-01') AS at, count(*)::int AS n
      FROM "Call" WHERE "strikeOutId" IS NULL AND "createdAt" >= ${since}
      GROUP BY 1, 2 HAVING count(*) >= ${CALL_BURST.min}
    ) k JOIN "Constituency" c ON c."onsCode" = k."constituencyCode"
    ORDER BY k.n DESC, k.at DESC LIMIT 20`
  return rows.map((r) => ({
    onsCode: r.code,
    name: r.name,
    from: r.at.toISOString(),
    to: new Date(r.at.getTime() + CALL_BURST.minutes * 60_000).toISOString(),
    calls: r.n,
  }))
}
