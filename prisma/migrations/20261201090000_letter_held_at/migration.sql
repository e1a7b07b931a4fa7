-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "heldAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Letter_heldAt_idx" ON "Letter"("heldAt");
