-- AlterTable
ALTER TABLE "PetitionCount" ADD COLUMN     "invalidatedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unplacedCount" INTEGER NOT NULL DEFAULT 0;
