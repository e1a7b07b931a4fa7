-- Call your MP (decisions 113, 114): MPs' office phone numbers from the Members API, the calls
-- supporters say they made (MP, seat, time, and nothing about the caller), and the campaign's call script.

-- AlterTable
ALTER TABLE "Mp" ADD COLUMN     "constituencyPhone" TEXT,
ADD COLUMN     "westminsterPhone" TEXT;

-- CreateTable
CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "mpId" INTEGER NOT NULL,
    "constituencyCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallScript" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallScript_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Call_constituencyCode_idx" ON "Call"("constituencyCode");

-- CreateIndex
CREATE INDEX "Call_createdAt_idx" ON "Call"("createdAt");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_mpId_fkey" FOREIGN KEY ("mpId") REFERENCES "Mp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_constituencyCode_fkey" FOREIGN KEY ("constituencyCode") REFERENCES "Constituency"("onsCode") ON DELETE RESTRICT ON UPDATE CASCADE;
