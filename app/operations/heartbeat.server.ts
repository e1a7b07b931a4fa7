// The worker's sign of life: each worker process writes its row every
// HEARTBEAT_SECONDS; the dashboard warns when the newest is older than
// STALE_AFTER_SECONDS (no worker runs: email, counts and postcode lookups stop).
import os from 'node:os'
import { prisma } from '~/lib/db.server'

export const HEARTBEAT_SECONDS = 15
export const STALE_AFTER_SECONDS = 90
const workerId = `${os.hostname()}:${process.pid}`.slice(0, 200)
const startedAt = new Date()

export async function beat(now = new Date()) {
  await prisma.workerHeartbeat.upsert({
    where: { id: workerId },
    create: { id: workerId, startedAt, seenAt: now },
    update: { seenAt: now },
  })
}

/** A worker that stops cleanly says so at once (its row goes), rather than looking stale for a minute and a half. */
export async function leave() {
  await prisma.workerHeartbeat.deleteMany({ where: { id: workerId } })
}

/** Rows of workers gone for a day are forgotten. */
export async function pruneHeartbeats(now = new Date()) {
  const { count } = await prisma.workerHeartbeat.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 86_400_000) } } })
  return count
}
