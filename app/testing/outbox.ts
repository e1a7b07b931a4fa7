// Time passing for the outbox, in tests: what a worker would find due once the clock had moved on.
import { prisma } from '~/lib/db.server'

/**
 * Everything unsent is due now: fresh emails queued for later (a letter's reminder), requests waiting
 * out a retry's backoff, and requests whose worker's claim would have lapsed (decision 076).
 */
export async function makeOutboxDue() {
  await prisma.$executeRaw`
    UPDATE "Email" SET "notBefore" = LEAST("notBefore", now()),
      "retryAt" = CASE WHEN status = 'queued' AND "idempotencyKey" IS NOT NULL THEN now() END,
      "claimExpiresAt" = CASE WHEN status = 'sending' THEN now() END
    WHERE status IN ('queued', 'sending')`
}
