// `npm run campaigner:add -- <email> --role admin|viewer`: adds a campaigner
// (or gives an existing one a new link) and prints a one-time link, valid for
// 24 hours, where they choose their password. Send it to them privately.
import { ensureDatabaseUrl, migrateDatabase } from '../server/database'

const usage = 'Usage: npm run campaigner:add -- <email> --role admin|viewer'
const args = process.argv.slice(2)
const roleAt = args.findIndex((a) => a === '--role' || a.startsWith('--role='))
const role = roleAt < 0 ? undefined : args[roleAt].includes('=') ? args[roleAt].split('=')[1] : args[roleAt + 1]
const email = args.find((a, i) => !a.startsWith('--') && i !== roleAt + 1)

if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || (role !== 'admin' && role !== 'viewer')) {
  console.error(usage)
  process.exit(2)
}

const embedded = await ensureDatabaseUrl()
migrateDatabase()
const { addCampaigner, PASSWORD_LINK_HOURS } = await import('~/admin/campaigners.server')
const { prisma } = await import('~/lib/db.server')
try {
  const { link, created } = await addCampaigner(email, role)
  console.log(`${created ? 'Added' : 'Updated'} ${email.trim().toLowerCase()} as ${role}.`)
  console.log(`One-time link to choose a password (valid for ${PASSWORD_LINK_HOURS} hours, works once):`)
  console.log(link)
} finally {
  await prisma.$disconnect()
  await embedded?.stop()
}
