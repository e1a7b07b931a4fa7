// A briefing that bounces flags the MP's address, the one flag a bounced letter sets (decision 054,
// Mp.emailBouncedAt): letters to that MP are then held, the next briefing leaves them out ("address
// bounced"), and the flag clears when the address changes (MP sync, an override) or an admin marks it
// as working on /admin/suppressions (audited mp.bounce-clear).
import type { Prisma } from '~/generated/prisma/client'

/**
 * Flags the address this briefing email went to, if it is still the MP's address (a campaigner may have
 * set a new one since). Called in the webhook's transaction for a hard bounce or a complaint on mail to an MP
 * (the route and the worker pass it to app/mail/webhooks.server.ts); any email not a briefing matches no row.
 */
export async function flagBouncedBriefing(tx: Prisma.TransactionClient, emailId: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Mp" m SET "emailBouncedAt" = now()
    FROM "BriefingRecipient" r JOIN "Email" e ON e.id = r."emailId"
    WHERE r."emailId" = ${emailId}::uuid AND m.id = r."mpId" AND m."emailBouncedAt" IS NULL
      AND lower(e."to") = lower(coalesce(m."emailOverride", m.email))`
}
