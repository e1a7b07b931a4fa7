import PgBoss from 'pg-boss'
import { env } from '~/lib/env.server'
import { log } from '~/lib/log.server'

export function createBoss() {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    max: 4,
    // A failed job is retried with exponential backoff: 10 s, 20 s, 40 s…
    retryLimit: 12,
    retryDelay: 10,
    retryBackoff: true,
  })
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'))
  return boss
}
