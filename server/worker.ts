// `npm run worker`: a worker on its own (run the web side with WORKER=off).
import { ensureDatabaseUrl, migrateDatabase } from './database'
import { log } from '~/lib/log.server'

const embedded = await ensureDatabaseUrl()
migrateDatabase()
const { startWorker } = await import('~/jobs/worker.server')
const worker = await startWorker()
log.info('Worker running.')
const stop = async () => {
  await worker.stop()
  const { disconnectDatabase } = await import('~/lib/db.server')
  await disconnectDatabase()
  await embedded?.stop()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
