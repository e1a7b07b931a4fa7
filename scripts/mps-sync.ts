// `npm run mps:sync`: refresh the MP directory from the UK Parliament Members
// API (MEMBERS_API_URL) into DATABASE_URL (or the embedded database), and
// print what changed. The worker runs the same sync daily (job sync-mps).
import { ensureDatabaseUrl, migrateDatabase } from '../server/database'

const embedded = await ensureDatabaseUrl()
migrateDatabase()
const { formatSyncReport, recordedSyncMps } = await import('~/mps/sync.server')
const { prisma } = await import('~/lib/db.server')
let exitCode = 0
try {
  const report = await recordedSyncMps()
  console.log(formatSyncReport(report))
} catch (error) {
  console.error(`MP sync failed: ${(error as Error).message}`)
  exitCode = 1
} finally {
  await prisma.$disconnect()
  await embedded?.stop()
}
process.exit(exitCode)
