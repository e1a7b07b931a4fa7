-- Moderation searches are kept without the personal data of supporters (decision 058):
-- an email address becomes its domain, a name is not kept, a full postcode
-- becomes its district (a partial one at most its sector), an IP address its
-- IPv4 /24 or IPv6 /64, and in the reason a campaigner gave, email addresses
-- keep only their domain and IPv4 addresses only their /24. Rewrites what
-- earlier strike-outs recorded, in the invalidations and in their audit entries. Data only: the schema does not change.
-- (No semicolons or apostrophes in these comments: the migration runner splits statements on them.)

CREATE FUNCTION pg_temp.recorded_criteria(c jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT (c - 'email' - 'name' - 'postcode' - 'ip')
    || CASE WHEN c->>'email' LIKE '%@%' THEN jsonb_build_object('email', 'an address at ' || lower(split_part(c->>'email', '@', 2)))
            WHEN c ? 'email' THEN jsonb_build_object('email', c->'email') ELSE '{}'::jsonb END
    || CASE WHEN c ? 'name' THEN '{"name": "(not kept)"}'::jsonb ELSE '{}'::jsonb END
    || CASE WHEN c->>'postcode' ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$' THEN jsonb_build_object('postcode', left(c->>'postcode', -3))
            WHEN c ? 'postcode' THEN jsonb_build_object('postcode', regexp_replace(c->>'postcode', '^([A-Z]{1,2}[0-9][A-Z0-9]?[0-9])[A-Z]$', '\1'))
            ELSE '{}'::jsonb END
    || CASE WHEN NOT c ? 'ip' THEN '{}'::jsonb
            WHEN NOT pg_input_is_valid(c->>'ip', 'inet') THEN '{"ip": "(not kept)"}'::jsonb
            WHEN family((c->>'ip')::inet) = 4 AND (position('/' in c->>'ip') = 0 OR masklen((c->>'ip')::inet) > 24)
              THEN jsonb_build_object('ip', host(network(set_masklen((c->>'ip')::inet, 24))) || '/24')
            WHEN family((c->>'ip')::inet) = 6 AND (position('/' in c->>'ip') = 0 OR masklen((c->>'ip')::inet) > 64)
              THEN jsonb_build_object('ip', host(network(set_masklen((c->>'ip')::inet, 64))) || '/64')
            ELSE jsonb_build_object('ip', c->'ip') END
$$;

CREATE FUNCTION pg_temp.recorded_reason(reason text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(reason, '[^\s@]+@([^\s@]+)', '…@\1', 'g'),
    '(?<![0-9.])([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})\.[0-9]{1,3}(?![0-9/]|\.[0-9])', '\1.0/24', 'g')
$$;

UPDATE "Invalidation"
SET criteria = pg_temp.recorded_criteria(criteria), reason = pg_temp.recorded_reason(reason)
WHERE jsonb_typeof(criteria) = 'object';

UPDATE "AuditEntry"
SET details = details
  || jsonb_build_object('criteria', pg_temp.recorded_criteria(details->'criteria'))
  || CASE WHEN jsonb_typeof(details->'reason') = 'string' THEN jsonb_build_object('reason', pg_temp.recorded_reason(details->>'reason')) ELSE '{}'::jsonb END
WHERE action IN ('signatures.invalidate', 'letters.invalidate') AND jsonb_typeof(details->'criteria') = 'object';
