-- AlterTable
ALTER TABLE "Email" ADD COLUMN     "linkTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Email_linkTokenHash_key" ON "Email"("linkTokenHash");
