-- AlterTable
ALTER TABLE "Mp" ADD COLUMN     "constituencyKey" TEXT,
ADD COLUMN     "constituencyName" TEXT;

-- CreateIndex
CREATE INDEX "Mp_constituencyKey_idx" ON "Mp"("constituencyKey");

-- CreateIndex
CREATE INDEX "Letter_fingerprint_idx" ON "Letter" USING GIN ("fingerprint");
