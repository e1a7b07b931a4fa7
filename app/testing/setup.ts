// Runs before each test file: its own database, its own stubs of Resend,
// postcodes.io and the Members API, and the environment pointing at them.
import { afterAll } from 'vitest'
import { startMembersStub } from './stubs/members-api-stub'
import { startPostcodesStub } from './stubs/postcodes-io-stub'
import { startResendStub } from './stubs/resend-stub'
import { createTestDatabase } from './test-database'
import { setTestContext } from './context'

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL
if (!adminUrl) throw new Error('Run the tests with `npm test` (or vitest, whose global setup prepares the database).')

const database = await createTestDatabase(adminUrl)
const resend = await startResendStub()
const postcodes = await startPostcodesStub()
const members = await startMembersStub()

Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: database.url,
  DATABASE_POOL_SIZE: '4',
  APP_URL: 'http://campaign.test',
  SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
  RESEND_API_KEY: 're_test_key',
  RESEND_BASE_URL: resend.url,
  POSTCODES_IO_URL: postcodes.url,
  MEMBERS_API_URL: members.url,
  MAIL_FROM: 'Duty of Care campaign <campaign@dutyofcare.test>',
})
setTestContext({ resend, postcodes, members, databaseUrl: database.url })

afterAll(async () => {
  const { prisma } = await import('~/lib/db.server')
  await prisma.$disconnect()
  await Promise.all([resend.close(), postcodes.close(), members.close()])
  await database.drop()
})
