// `npm run db:migrate`: apply migrations to DATABASE_URL (or the embedded database).
import { ensureDatabaseUrl, migrateDatabase } from '../server/database'

const embedded = await ensureDatabaseUrl()
migrateDatabase()
console.log('Migrations applied.')
await embedded?.stop()
