-- Where supporters come from (decision 104): campaign codes on each signature and letter,
-- and each confirmed signer's own referral code.

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "partner" TEXT,
ADD COLUMN     "referralCode" TEXT,
ADD COLUMN     "referredBy" TEXT,
ADD COLUMN     "utmCampaign" TEXT,
ADD COLUMN     "utmMedium" TEXT,
ADD COLUMN     "utmSource" TEXT;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "partner" TEXT,
ADD COLUMN     "referredBy" TEXT,
ADD COLUMN     "utmCampaign" TEXT,
ADD COLUMN     "utmMedium" TEXT,
ADD COLUMN     "utmSource" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Signature_referralCode_key" ON "Signature"("referralCode");

-- CreateIndex
CREATE INDEX "Signature_referredBy_idx" ON "Signature"("referredBy");
