-- CreateTable
CREATE TABLE "MpSyncRun" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "ok" BOOLEAN,
    "error" TEXT,
    "members" INTEGER,
    "changes" INTEGER,

    CONSTRAINT "MpSyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceFailure" (
    "id" BIGSERIAL NOT NULL,
    "service" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MpSyncRun_startedAt_idx" ON "MpSyncRun"("startedAt");

-- CreateIndex
CREATE INDEX "ServiceFailure_service_createdAt_idx" ON "ServiceFailure"("service", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceFailure_createdAt_idx" ON "ServiceFailure"("createdAt");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_seenAt_idx" ON "WorkerHeartbeat"("seenAt");
