-- One meaning per Email column (decision 076).
--   batchKey      → idempotencyKey (the Resend Idempotency-Key of the request it goes in) + claimToken (whose claim it is)
--   nextAttemptAt → notBefore (queued: not before, as the caller asked) + retryAt (queued: when a failed request is tried again)
--                   + claimExpiresAt (sending: when the claim lapses)
--   lastError = invalidated:<id> → invalidationId (the strike-out that cancelled it), and lastError is text for people.
-- Rows in flight keep their place: a queued email is due when it was, a claimed batch is taken over when its
-- lease would have run out, and a retry goes out under the key it was first sent with.

-- AlterTable: the old columns keep their values under their new names, then the new ones are filled from them.
ALTER TABLE "Email" RENAME COLUMN "batchKey" TO "idempotencyKey";
ALTER TABLE "Email" RENAME COLUMN "nextAttemptAt" TO "notBefore";
ALTER TABLE "Email" ADD COLUMN "retryAt" TIMESTAMP(3),
ADD COLUMN "claimToken" UUID,
ADD COLUMN "claimExpiresAt" TIMESTAMP(3),
ADD COLUMN "invalidationId" UUID;

-- Backfill. An email never offered to Resend (no key) keeps its due time as notBefore. Of those that were,
-- a queued one was due at its retry, a sending one at the end of its lease (its claim gets one token per request,
-- which no running worker holds), and the "not before" of each had passed when first claimed (createdAt stands in).
-- Every right-hand side reads the row as it was before this UPDATE.
UPDATE "Email" SET
  "retryAt" = CASE WHEN status = 'queued' THEN "notBefore" END,
  "claimExpiresAt" = CASE WHEN status = 'sending' THEN "notBefore" END,
  "claimToken" = CASE WHEN status = 'sending' THEN md5("idempotencyKey")::uuid END,
  "notBefore" = "createdAt"
WHERE "idempotencyKey" IS NOT NULL;

-- Emails to MPs cancelled by a strike-out: the marker in lastError becomes the link it stood for.
UPDATE "Email" AS e SET "invalidationId" = i.id, "lastError" = NULL
FROM "Invalidation" AS i
WHERE e.status = 'failed' AND e."lastError" = 'invalidated:' || i.id::text;

-- Indexes: each claim a worker makes reads its own partial index (the declarations in schema.prisma carry the names).
DROP INDEX "Email_batchKey_idx";
DROP INDEX "Email_status_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "Email_notBefore_fresh_idx" ON "Email"("notBefore") WHERE status = 'queued' AND "idempotencyKey" IS NULL;

-- CreateIndex
CREATE INDEX "Email_retryAt_queued_idx" ON "Email"("retryAt") WHERE status = 'queued' AND "idempotencyKey" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Email_claimExpiresAt_sending_idx" ON "Email"("claimExpiresAt") WHERE status = 'sending';

-- CreateIndex
CREATE INDEX "Email_idempotencyKey_unsent_idx" ON "Email"("idempotencyKey") WHERE status IN ('queued', 'sending');

-- CreateIndex
CREATE INDEX "Email_invalidationId_idx" ON "Email"("invalidationId") WHERE "invalidationId" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_invalidationId_fkey" FOREIGN KEY ("invalidationId") REFERENCES "Invalidation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
