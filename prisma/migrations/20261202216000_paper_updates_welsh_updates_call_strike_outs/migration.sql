-- Campaign updates reach consenting paper signers (decision 077), in Welsh when written (decision 078);
-- calls can be struck out (decision 079).

-- AlterTable
ALTER TABLE "PaperSignature" ADD COLUMN "unsubscribedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Email" ADD COLUMN "paperSignatureId" UUID;

-- AlterTable
ALTER TABLE "Mailshot" ADD COLUMN "onlineDone" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "paperCursor" UUID,
ADD COLUMN "subjectCy" TEXT,
ADD COLUMN "bodyMarkdownCy" TEXT;

-- AlterTable
ALTER TABLE "Call" ADD COLUMN "strikeOutId" UUID;

-- CreateTable
CREATE TABLE "CallStrikeOut" (
    "id" UUID NOT NULL,
    "campaignerId" UUID,
    "constituencyCode" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "callCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" TIMESTAMP(3),

    CONSTRAINT "CallStrikeOut_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Email_paperSignatureId_idx" ON "Email"("paperSignatureId");

-- CreateIndex
CREATE INDEX "Call_strikeOutId_idx" ON "Call"("strikeOutId");

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_paperSignatureId_fkey" FOREIGN KEY ("paperSignatureId") REFERENCES "PaperSignature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_strikeOutId_fkey" FOREIGN KEY ("strikeOutId") REFERENCES "CallStrikeOut"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallStrikeOut" ADD CONSTRAINT "CallStrikeOut_campaignerId_fkey" FOREIGN KEY ("campaignerId") REFERENCES "Campaigner"("id") ON DELETE SET NULL ON UPDATE CASCADE;
