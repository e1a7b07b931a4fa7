// Nothing reaches supporters before a campaigner has seen a test of that very text (decision 097).
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { createMailshot, getMailshot, sendTestMailshot, startTestedMailshot, testedAsWritten, updateMailshot } from './mailshots.server'

let admin: { id: string; email: string }

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Email", "Mailshot", "AuditEntry", "Campaigner" CASCADE`
  admin = await prisma.campaigner.create({ data: { email: 'ada@campaign.test', role: 'admin' }, select: { id: true, email: true } })
})

describe('the send to supporters', () => {
  it('is refused until a test of the update as it reads now has been sent; an edit needs a new test', async () => {
    const { id } = await createMailshot(admin.id, { subject: 'Debate on Tuesday', bodyMarkdown: 'Hello' })
    expect(await testedAsWritten(id)).toBe(false)
    expect(await startTestedMailshot(id, admin.id)).toBe('untested')
    expect((await getMailshot(id))?.status).toBe('draft')

    await sendTestMailshot(id, admin)
    expect(await testedAsWritten(id)).toBe(true)

    await updateMailshot(id, admin.id, { subject: 'Debate on Wednesday', bodyMarkdown: 'Hello' })
    expect(await testedAsWritten(id)).toBe(false)
    expect(await startTestedMailshot(id, admin.id)).toBe('untested')

    await sendTestMailshot(id, admin)
    expect(await startTestedMailshot(id, admin.id)).toBe('started')
    expect((await getMailshot(id))?.status).toBe('sending')
    expect(await startTestedMailshot(id, admin.id)).toBe('stale')
  })
})
