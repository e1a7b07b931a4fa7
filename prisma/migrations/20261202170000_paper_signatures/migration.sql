-- Paper and event signatures (decisions 117, 118): imports of a campaigner's CSV, their rows, and
-- the paper count beside the public total.

-- CreateEnum
CREATE TYPE "PaperImportState" AS ENUM ('previewed', 'imported', 'reverted');

-- AlterTable
ALTER TABLE "PetitionCount" ADD COLUMN     "paperCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paperIncluded" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PaperImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "events" TEXT[],
    "uploadedById" UUID NOT NULL,
    "state" "PaperImportState" NOT NULL DEFAULT 'previewed',
    "rowCount" INTEGER NOT NULL,
    "goodCount" INTEGER NOT NULL,
    "problems" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedAt" TIMESTAMP(3),
    "revertedAt" TIMESTAMP(3),

    CONSTRAINT "PaperImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperSignature" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "row" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "emailKey" TEXT,
    "postcode" TEXT NOT NULL,
    "constituencyCode" TEXT,
    "nation" TEXT,
    "consent" BOOLEAN NOT NULL DEFAULT false,
    "signedOn" DATE NOT NULL,
    "event" TEXT NOT NULL,
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "PaperSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaperImport_state_createdAt_idx" ON "PaperImport"("state", "createdAt");

-- CreateIndex
CREATE INDEX "PaperSignature_importId_idx" ON "PaperSignature"("importId");

-- CreateIndex
CREATE INDEX "PaperSignature_emailKey_idx" ON "PaperSignature"("emailKey");

-- CreateIndex
CREATE INDEX "PaperSignature_constituencyCode_idx" ON "PaperSignature"("constituencyCode");

-- AddForeignKey
ALTER TABLE "PaperImport" ADD CONSTRAINT "PaperImport_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "Campaigner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperSignature" ADD CONSTRAINT "PaperSignature_importId_fkey" FOREIGN KEY ("importId") REFERENCES "PaperImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperSignature" ADD CONSTRAINT "PaperSignature_constituencyCode_fkey" FOREIGN KEY ("constituencyCode") REFERENCES "Constituency"("onsCode") ON DELETE SET NULL ON UPDATE CASCADE;
