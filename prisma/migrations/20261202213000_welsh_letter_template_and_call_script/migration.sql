-- The campaign's letter template and call script in Welsh (decision 112): beside the English, in the same
-- single row, edited on the same admin page. Empty means "not written yet": the Welsh defaults in
-- app/campaign/content.write.cy.ts are used.
ALTER TABLE "LetterTemplate" ADD COLUMN "subjectsCy" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "bodyCy" TEXT NOT NULL DEFAULT '',
ADD COLUMN "promptsCy" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

ALTER TABLE "CallScript" ADD COLUMN "bodyCy" TEXT NOT NULL DEFAULT '';
