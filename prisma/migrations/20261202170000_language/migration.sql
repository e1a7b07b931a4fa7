-- The language each supporter used (decision 110): their emails are written in it.
ALTER TABLE "Signature" ADD COLUMN "language" VARCHAR(2) NOT NULL DEFAULT 'en';
ALTER TABLE "Letter" ADD COLUMN "language" VARCHAR(2) NOT NULL DEFAULT 'en';
-- Only the languages the site speaks (app/i18n/language.ts LANGUAGES).
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_language_check" CHECK ("language" IN ('en', 'cy'));
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_language_check" CHECK ("language" IN ('en', 'cy'));
