-- MP briefings (decision 115): one email per MP whose seat reached a threshold of confirmed
-- signatures, at most one per MP per 30 days, each recipient's email written exactly once.

-- AlterEnum
ALTER TYPE "EmailKind" ADD VALUE 'mp_briefing';

-- CreateEnum
CREATE TYPE "BriefingStatus" AS ENUM ('draft', 'sending', 'sent');

-- CreateTable
CREATE TABLE "Briefing" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "bodyMarkdown" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "status" "BriefingStatus" NOT NULL DEFAULT 'draft',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "queuedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Briefing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BriefingRecipient" (
    "id" UUID NOT NULL,
    "briefingId" UUID NOT NULL,
    "mpId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailId" UUID,
    "queuedAt" TIMESTAMP(3),
    "skippedReason" TEXT,

    CONSTRAINT "BriefingRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BriefingRecipient_emailId_key" ON "BriefingRecipient"("emailId");

-- CreateIndex
CREATE INDEX "BriefingRecipient_mpId_createdAt_idx" ON "BriefingRecipient"("mpId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BriefingRecipient_briefingId_mpId_key" ON "BriefingRecipient"("briefingId", "mpId");

-- AddForeignKey
ALTER TABLE "Briefing" ADD CONSTRAINT "Briefing_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Campaigner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingRecipient" ADD CONSTRAINT "BriefingRecipient_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingRecipient" ADD CONSTRAINT "BriefingRecipient_mpId_fkey" FOREIGN KEY ("mpId") REFERENCES "Mp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingRecipient" ADD CONSTRAINT "BriefingRecipient_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "Email"("id") ON DELETE SET NULL ON UPDATE CASCADE;
