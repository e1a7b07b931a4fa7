-- CreateEnum
CREATE TYPE "SignatureState" AS ENUM ('pending', 'validated', 'invalidated');

-- CreateEnum
CREATE TYPE "MpStatus" AS ENUM ('current', 'former');

-- CreateEnum
CREATE TYPE "LetterState" AS ENUM ('pending', 'confirmed', 'sent', 'delivered', 'bounced', 'failed', 'invalidated');

-- CreateEnum
CREATE TYPE "LetterChannel" AS ENUM ('campaign_mail', 'own_mail');

-- CreateEnum
CREATE TYPE "ReplyStatus" AS ENUM ('replied', 'acknowledged', 'no_reply');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('signature_confirmation', 'already_signed', 'letter_confirmation', 'letter_reminder', 'letter_to_mp', 'letter_copy', 'reply_survey', 'campaign_update', 'data_request', 'set_password');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('queued', 'sending', 'sent', 'delivered', 'delivery_delayed', 'bounced', 'complained', 'failed', 'suppressed');

-- CreateEnum
CREATE TYPE "MailshotStatus" AS ENUM ('draft', 'sending', 'paused', 'sent');

-- CreateEnum
CREATE TYPE "CampaignerRole" AS ENUM ('admin', 'viewer');

-- CreateTable
CREATE TABLE "Signature" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "optIn" BOOLEAN NOT NULL DEFAULT false,
    "privacyVersion" TEXT NOT NULL,
    "state" "SignatureState" NOT NULL DEFAULT 'pending',
    "tokenHash" TEXT NOT NULL,
    "tokenExpiresAt" TIMESTAMP(3) NOT NULL,
    "confirmationsSent" INTEGER NOT NULL DEFAULT 1,
    "ipAddress" TEXT,
    "constituencyCode" TEXT,
    "nation" TEXT,
    "locatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validatedAt" TIMESTAMP(3),
    "invalidatedAt" TIMESTAMP(3),
    "invalidationId" UUID,
    "unsubscribedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConstituencyCount" (
    "onsCode" TEXT NOT NULL,
    "signatureCount" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConstituencyCount_pkey" PRIMARY KEY ("onsCode")
);

-- CreateTable
CREATE TABLE "PetitionCount" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "signatureCount" INTEGER NOT NULL,
    "pendingCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PetitionCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "threshold" INTEGER NOT NULL,
    "reachedAt" TIMESTAMP(3),

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("threshold")
);

-- CreateTable
CREATE TABLE "Constituency" (
    "onsCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "nation" TEXT NOT NULL,

    CONSTRAINT "Constituency_pkey" PRIMARY KEY ("onsCode")
);

-- CreateTable
CREATE TABLE "Mp" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "fullTitle" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "email" TEXT,
    "emailOverride" TEXT,
    "postalAddress" TEXT,
    "constituencyCode" TEXT,
    "status" "MpStatus" NOT NULL DEFAULT 'current',
    "targetEnabled" BOOLEAN NOT NULL DEFAULT true,
    "targetDisabledReason" TEXT,
    "emailBouncedAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" UUID NOT NULL,
    "channel" "LetterChannel" NOT NULL DEFAULT 'campaign_mail',
    "state" "LetterState" NOT NULL DEFAULT 'pending',
    "mpId" INTEGER NOT NULL,
    "constituencyCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "addressLine1" TEXT,
    "town" TEXT,
    "postcode" TEXT NOT NULL,
    "phone" TEXT,
    "subject" TEXT,
    "body" TEXT,
    "personalisation" DOUBLE PRECISION NOT NULL,
    "fingerprint" INTEGER[],
    "nearDuplicate" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "surveyTokenHash" TEXT,
    "ipAddress" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderSentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "surveySentAt" TIMESTAMP(3),
    "replyStatus" "ReplyStatus",
    "replyAnsweredAt" TIMESTAMP(3),
    "bodyErasedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterTemplate" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "subjects" TEXT[],
    "body" TEXT NOT NULL,
    "prompts" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LetterTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Email" (
    "id" UUID NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "to" TEXT NOT NULL,
    "replyTo" TEXT,
    "fromName" TEXT,
    "subject" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "secrets" JSONB,
    "headers" JSONB,
    "status" "EmailStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "batchKey" TEXT,
    "outboxHtml" TEXT,
    "outboxText" TEXT,
    "providerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "signatureId" UUID,
    "letterId" UUID,
    "mailshotId" UUID,

    CONSTRAINT "Email_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "emailKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("emailKey")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mailshot" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "bodyMarkdown" TEXT NOT NULL,
    "status" "MailshotStatus" NOT NULL DEFAULT 'draft',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "cursor" UUID,
    "queuedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Mailshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaigner" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "CampaignerRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "Campaigner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignerSession" (
    "id" TEXT NOT NULL,
    "campaignerId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignerSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordToken" (
    "tokenHash" TEXT NOT NULL,
    "campaignerId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "campaignerId" UUID,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invalidation" (
    "id" UUID NOT NULL,
    "criteria" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" TIMESTAMP(3),

    CONSTRAINT "Invalidation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Signature_emailKey_key" ON "Signature"("emailKey");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_tokenHash_key" ON "Signature"("tokenHash");

-- CreateIndex
CREATE INDEX "Signature_state_constituencyCode_idx" ON "Signature"("state", "constituencyCode");

-- CreateIndex
CREATE INDEX "Signature_state_validatedAt_idx" ON "Signature"("state", "validatedAt");

-- CreateIndex
CREATE INDEX "Signature_createdAt_idx" ON "Signature"("createdAt");

-- CreateIndex
CREATE INDEX "Signature_ipAddress_createdAt_idx" ON "Signature"("ipAddress", "createdAt");

-- CreateIndex
CREATE INDEX "Signature_locatedAt_idx" ON "Signature"("locatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Constituency_nameKey_key" ON "Constituency"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Mp_constituencyCode_key" ON "Mp"("constituencyCode");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_tokenHash_key" ON "Letter"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_surveyTokenHash_key" ON "Letter"("surveyTokenHash");

-- CreateIndex
CREATE INDEX "Letter_state_createdAt_idx" ON "Letter"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Letter_mpId_state_idx" ON "Letter"("mpId", "state");

-- CreateIndex
CREATE INDEX "Letter_ipAddress_createdAt_idx" ON "Letter"("ipAddress", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_emailKey_mpId_channel_key" ON "Letter"("emailKey", "mpId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "Email_providerId_key" ON "Email"("providerId");

-- CreateIndex
CREATE INDEX "Email_status_nextAttemptAt_idx" ON "Email"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Email_batchKey_idx" ON "Email"("batchKey");

-- CreateIndex
CREATE INDEX "Email_signatureId_idx" ON "Email"("signatureId");

-- CreateIndex
CREATE INDEX "Email_letterId_idx" ON "Email"("letterId");

-- CreateIndex
CREATE INDEX "Email_mailshotId_idx" ON "Email"("mailshotId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaigner_email_key" ON "Campaigner"("email");

-- CreateIndex
CREATE INDEX "CampaignerSession_campaignerId_idx" ON "CampaignerSession"("campaignerId");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_constituencyCode_fkey" FOREIGN KEY ("constituencyCode") REFERENCES "Constituency"("onsCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_invalidationId_fkey" FOREIGN KEY ("invalidationId") REFERENCES "Invalidation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mp" ADD CONSTRAINT "Mp_constituencyCode_fkey" FOREIGN KEY ("constituencyCode") REFERENCES "Constituency"("onsCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_mpId_fkey" FOREIGN KEY ("mpId") REFERENCES "Mp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_constituencyCode_fkey" FOREIGN KEY ("constituencyCode") REFERENCES "Constituency"("onsCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_mailshotId_fkey" FOREIGN KEY ("mailshotId") REFERENCES "Mailshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailshot" ADD CONSTRAINT "Mailshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Campaigner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignerSession" ADD CONSTRAINT "CampaignerSession_campaignerId_fkey" FOREIGN KEY ("campaignerId") REFERENCES "Campaigner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_campaignerId_fkey" FOREIGN KEY ("campaignerId") REFERENCES "Campaigner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_campaignerId_fkey" FOREIGN KEY ("campaignerId") REFERENCES "Campaigner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invalidation" ADD CONSTRAINT "Invalidation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Campaigner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
