-- Decision 054: mailbox keys merge +tags and dots only where the provider does.
-- Re-keys signatures, letters and suppressions written under the old rule
-- (+tags dropped on every domain), and puts letters to MPs that were dropped
-- because a look-alike address was suppressed back on hold, to be sent.
-- Safe to run twice (app/mail/suppression.test.ts runs it again on old-style rows).

-- The rule of app/lib/mailbox-key.ts as it stands at this migration. (Single SQL expressions, no
-- semicolons inside: the schema engine splits migration scripts on them.)
CREATE OR REPLACE FUNCTION "migration_054_mailbox_key"(address text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p.local IS NULL OR p.local = '' THEN p.a
    WHEN p.domain IN ('gmail.com', 'googlemail.com') THEN replace(p.untagged, '.', '') || '@gmail.com'
    WHEN p.domain IN ('outlook.com', 'outlook.co.uk', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.co.uk', 'msn.com',
                      'icloud.com', 'me.com', 'mac.com', 'fastmail.com', 'fastmail.fm',
                      'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me') THEN p.untagged || '@' || p.domain
    ELSE p.local || '@' || p.domain
  END
  FROM (
    SELECT a, local, domain, CASE WHEN position('+' IN local) > 1 THEN left(local, position('+' IN local) - 1) ELSE local END AS untagged
    FROM (SELECT a, substring(a FROM '^(.*)@[^@]*$') AS local, substring(a FROM '^.*@([^@]*)$') AS domain
          FROM (SELECT lower(btrim(address, E' \t\r\n')) AS a) t) u
  ) p
$$;

-- The old rule: +tags dropped on every domain, Gmail dots dropped.
CREATE OR REPLACE FUNCTION "migration_054_old_mailbox_key"(address text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p.local IS NULL OR p.local = '' THEN p.a
    WHEN p.domain IN ('gmail.com', 'googlemail.com') THEN replace(p.untagged, '.', '') || '@gmail.com'
    ELSE p.untagged || '@' || p.domain
  END
  FROM (
    SELECT a, local, domain, CASE WHEN position('+' IN local) > 1 THEN left(local, position('+' IN local) - 1) ELSE local END AS untagged
    FROM (SELECT a, substring(a FROM '^(.*)@[^@]*$') AS local, substring(a FROM '^.*@([^@]*)$') AS domain
          FROM (SELECT lower(btrim(address, E' \t\r\n')) AS a) t) u
  ) p
$$;

-- Signatures and letters: the new key is finer than the old one (it only ever keeps apart what the old
-- one merged), so keys that were unique stay unique. Anonymised rows (no address) are left alone.
UPDATE "Signature" SET "emailKey" = "migration_054_mailbox_key"(email)
WHERE position('@' IN email) > 0 AND "emailKey" <> "migration_054_mailbox_key"(email);

UPDATE "Letter" SET "emailKey" = "migration_054_mailbox_key"(email)
WHERE position('@' IN email) > 0 AND "emailKey" <> "migration_054_mailbox_key"(email);

-- Suppressions: each old row stood for every +tag variant of a mailbox. Where the outbox still shows
-- which exact addresses hard-bounced or complained, the row becomes one row per such address (so a
-- bounce of jo+x@parliament.uk keeps suppressing jo+x@parliament.uk, and stops suppressing
-- jo@parliament.uk). Rows with no such evidence left (emails deleted or anonymised) are kept: we cannot
-- tell, and campaigners can lift them on /admin/suppressions.
WITH failed AS (
  SELECT "to", "createdAt" FROM "Email"
  WHERE status = 'complained' OR (status = 'bounced' AND coalesce("lastError", '') NOT LIKE 'bounced (Transient%')
), evidence AS (
  SELECT s."emailKey" AS old_key, "migration_054_mailbox_key"(f."to") AS new_key, s.reason, s."createdAt"
  FROM "Suppression" s JOIN failed f ON "migration_054_old_mailbox_key"(f."to") = s."emailKey"
  WHERE position('@' IN f."to") > 0
), added AS (
  INSERT INTO "Suppression" ("emailKey", reason, "createdAt")
  SELECT DISTINCT ON (new_key) new_key, reason, "createdAt" FROM evidence ORDER BY new_key, "createdAt"
  ON CONFLICT ("emailKey") DO NOTHING
  RETURNING "emailKey"
)
DELETE FROM "Suppression" s
WHERE s."emailKey" IN (SELECT old_key FROM evidence) AND s."emailKey" NOT IN (SELECT new_key FROM evidence);

-- Letters to MPs dropped because their address was suppressed (mail to MPs no longer is): held, so the
-- letters tracker sends them as soon as the MP's address is not flagged as bouncing.
UPDATE "Letter" l SET state = 'confirmed', "heldAt" = now()
WHERE l.state = 'failed' AND l.channel = 'campaign_mail' AND l.body IS NOT NULL AND l.subject IS NOT NULL
  AND l."anonymisedAt" IS NULL AND l."heldAt" IS NULL
  AND EXISTS (SELECT 1 FROM "Email" e WHERE e."letterId" = l.id AND e.kind = 'letter_to_mp' AND e.status = 'suppressed')
  AND NOT EXISTS (SELECT 1 FROM "Email" e WHERE e."letterId" = l.id AND e.kind = 'letter_to_mp' AND e.status <> 'suppressed');

DROP FUNCTION "migration_054_mailbox_key"(text);
DROP FUNCTION "migration_054_old_mailbox_key"(text);
