// `npx tsx scripts/bench/explain.ts [signatures]`: the dashboard's and the
// worker's heaviest queries against a fresh database holding a million
// signatures (85% confirmed, 12% pending, 3% struck out, over 30 days and 650
// seats), with EXPLAIN ANALYZE: plan shape and time of each. The SQL is copied
// from app/petition/counts.server.ts, app/petition/locate.server.ts and
// app/admin/figures.server.ts: keep it in step when those change.
import pg from 'pg'
import { createTemplateDatabase, createTestDatabase, ensureTestServer } from '../../app/testing/test-database'

const N = Number(process.argv[2] ?? 1_000_000)
const server = await ensureTestServer()
if (!process.env.TEST_TEMPLATE_READY) await createTemplateDatabase(server.adminUrl)
const database = await createTestDatabase(server.adminUrl, 'explain')
const db = new pg.Client({ connectionString: database.url })
await db.connect()

try {
  const started = Date.now()
  await db.query(`
    INSERT INTO "Constituency" ("onsCode", name, "nameKey", nation)
    SELECT 'B' || lpad(i::text, 8, '0'), 'Seat ' || i, 'seat ' || i, 'England' FROM generate_series(1, 650) i`)
  await db.query(`
    INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "optIn", "privacyVersion", state, "tokenHash", "tokenExpiresAt",
      "ipAddress", "constituencyCode", nation, "locatedAt", "validatedAt", "invalidatedAt", "createdAt")
    SELECT gen_random_uuid(), 'Supporter ' || i, 's' || i || '@example.org', 's' || i || '@example.org', 'RG1 1AA', i % 5 < 2, 'v',
      (CASE WHEN i % 100 < 85 THEN 'validated' WHEN i % 100 < 97 THEN 'pending' ELSE 'invalidated' END)::"SignatureState",
      md5(i::text), now() + interval '30 days', '10.' || (i % 250) || '.' || (i % 199) || '.1',
      CASE WHEN i % 50 = 0 THEN NULL ELSE 'B' || lpad((1 + i % 650)::text, 8, '0') END, 'England',
      CASE WHEN i % 1000 = 0 THEN NULL ELSE now() END,
      CASE WHEN i % 100 < 85 THEN now() - (i % 43200) * interval '1 minute' END,
      CASE WHEN i % 100 >= 97 THEN now() END,
      now() - (i % 43200) * interval '1 minute' - interval '5 minutes'
    FROM generate_series(1, $1::int) i`, [N])
  await db.query('VACUUM ANALYZE "Signature"')
  console.log(`${N} signatures written in ${((Date.now() - started) / 1000).toFixed(0)} s\n`)

  const queries: [string, string][] = [
    ['recount by constituency (worker, every 2 s)', `SELECT "constituencyCode" AS code, count(*) AS count FROM "Signature" WHERE state = 'validated' GROUP BY "constituencyCode"`],
    ['pending count (worker, every 2 s)', `SELECT count(*) AS pending FROM "Signature" WHERE state = 'pending'`],
    ['postcodes still to locate (worker)', `SELECT DISTINCT postcode FROM "Signature" WHERE "locatedAt" IS NULL AND state <> 'invalidated' LIMIT 100`],
    ['dashboard: opted in', `SELECT count(*) FILTER (WHERE "optIn") AS opted_in, count(*) AS validated FROM "Signature" WHERE state = 'validated'`],
    ['dashboard: last 48 hours by hour', `SELECT date_trunc('hour', "validatedAt") AS at, count(*) FROM "Signature" WHERE state = 'validated' AND "validatedAt" >= now() - interval '48 hours' GROUP BY 1`],
    ['dashboard: per day since launch', `SELECT date_trunc('day', ("validatedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London') AS day, count(*) FROM "Signature" WHERE state = 'validated' GROUP BY 1`],
    [
      'dashboard: per day, rolled up from hours (UK days start on a UTC hour)',
      `WITH h AS (SELECT date_trunc('hour', "validatedAt") AS at, count(*) AS n FROM "Signature" WHERE state = 'validated' GROUP BY 1)
       SELECT date_trunc('day', (at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London') AS day, sum(n) FROM h GROUP BY 1`,
    ],
    ['moderation: one IP address', `SELECT state::text, count(*) FROM "Signature" WHERE "ipAddress" = '10.7.7.1' GROUP BY 1`],
    ['moderation: a time window', `SELECT count(*) FROM "Signature" WHERE "createdAt" BETWEEN now() - interval '2 hours' AND now() - interval '1 hour'`],
  ]
  for (const [title, sql] of queries) {
    await db.query(sql) // warm
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`)
    const plan = rows[0]['QUERY PLAN'][0]
    const nodes: string[] = []
    const walk = (node: Record<string, unknown>) => {
      nodes.push(`${node['Node Type'] as string}${node['Index Name'] ? ` (${node['Index Name'] as string})` : ''}`)
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child)
    }
    walk(plan.Plan)
    console.log(`${title}\n  ${plan['Execution Time'].toFixed(1)} ms — ${nodes.join(' → ')}`)
  }
} finally {
  await db.end()
  await database.drop()
  await server.stop()
}
