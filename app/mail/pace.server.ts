// Resend's rate limit is per account, not per process: every worker takes
// its turn from one schedule kept in Postgres. A worker about to call Resend
// reserves the next free slot (at least 1/RESEND_REQUESTS_PER_SECOND after
// the previous one, whichever process took it) and waits for it; a 429 pushes
// the schedule back for everyone. One short UPDATE per request, a few per second.
import { prisma } from '~/lib/db.server'
import { col, sql } from '~/lib/sql.server'

const KEY = 'mail.nextResendRequestAt'

/**
 * Reserves the next request slot and returns how many milliseconds to wait
 * for it. Slots are handed out in order and never closer than `gapMs`.
 */
export async function reserveSendSlot(gapMs: number): Promise<number> {
  const gap = Math.max(0, gapMs) / 1000
  const [row] = await sql.rows({ waitMs: col.number })`
    INSERT INTO "Setting" (key, value, "updatedAt")
    VALUES (${KEY}, to_jsonb(clock_timestamp() + make_interval(secs => ${gap})), now())
    ON CONFLICT (key) DO UPDATE
      SET value = to_jsonb(greatest(("Setting".value #>> '{}')::timestamptz, clock_timestamp()) + make_interval(secs => ${gap})),
          "updatedAt" = now()
    RETURNING (extract(epoch FROM ((value #>> '{}')::timestamptz - make_interval(secs => ${gap}) - clock_timestamp())) * 1000)::float8 AS "waitMs"`
  return Math.max(0, Math.ceil(row.waitMs))
}

/** Resend said 429: no process sends again before `ms` from now. */
export async function pauseSending(ms: number): Promise<void> {
  const secs = Math.max(0, ms) / 1000
  await prisma.$executeRaw`
    INSERT INTO "Setting" (key, value, "updatedAt")
    VALUES (${KEY}, to_jsonb(clock_timestamp() + make_interval(secs => ${secs})), now())
    ON CONFLICT (key) DO UPDATE
      SET value = to_jsonb(greatest(("Setting".value #>> '{}')::timestamptz, clock_timestamp() + make_interval(secs => ${secs}))),
          "updatedAt" = now()`
}

/** The hook the sender calls right before each request to Resend. */
export function waitForSendSlot(gapMs: number): () => Promise<void> {
  return async () => {
    const waitMs = await reserveSendSlot(gapMs)
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
  }
}
