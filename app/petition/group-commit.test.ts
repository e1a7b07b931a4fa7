// Group commit (decision 084): signatures that arrive together are written by one statement.
// Each request must still get its own outcome, every signature exactly one confirmation, and a
// failed statement must fail every request of its group with nothing of it stored.
import pg from 'pg'
import { beforeEach, describe, expect, it } from 'vitest'
import { deliverAllDue } from '~/emails/outbox.server'
import type { Language } from '~/i18n/language'
import { prisma } from '~/lib/db.server'
import { testContext } from '~/testing/context'
import { signPetition } from './sign.server'

const supporter = (n: number) => ({ name: `Supporter ${n}`, email: `supporter-${n}@example.org`, postcode: 'RG1 1AA', optIn: n % 2 === 0 })

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Suppression" CASCADE`
})

describe('signatures arriving together', () => {
  it('are written in one transaction, each with its own details and exactly one confirmation', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => signPetition(supporter(i), { ipAddress: `203.0.113.${i}`, language: i === 3 ? 'cy' : 'en' })))
    expect(outcomes).toEqual(Array.from({ length: 20 }, () => ({ undeliverable: false })))

    const signatures = await prisma.signature.findMany({ include: { emails: true } })
    expect(signatures).toHaveLength(20)
    // One transaction: now() (createdAt's default) is the same for every row it wrote.
    expect(new Set(signatures.map((s) => s.createdAt.getTime())).size).toBe(1)
    for (const s of signatures) {
      const n = Number(s.email.match(/supporter-(\d+)@/)![1])
      expect(s).toMatchObject({ name: `Supporter ${n}`, optIn: n % 2 === 0, ipAddress: `203.0.113.${n}`, language: n === 3 ? 'cy' : 'en', state: 'pending' })
      expect(s.emails).toHaveLength(1)
      expect(s.emails[0]).toMatchObject({ kind: 'signature_confirmation', to: s.email, status: 'queued' })
    }

    await deliverAllDue()
    const sent = testContext().resend.emails
    expect(sent.map((e) => e.to[0]).sort()).toEqual(signatures.map((s) => s.email).sort())
    expect(sent.find((e) => e.to[0] === 'supporter-3@example.org')?.html).toContain('/cy/petition/confirm/')
  })

  it('treat a mailbox twice in one group as a signature and a repeat, as if one came a moment later', async () => {
    const outcomes = await Promise.all([
      signPetition(supporter(1)),
      signPetition({ ...supporter(2), email: 'Twin@Example.org', name: 'First Twin' }),
      signPetition(supporter(3)),
      signPetition({ ...supporter(4), email: 'twin@example.org', name: 'Second Twin' }),
    ])
    expect(outcomes).toHaveLength(4)
    const signatures = await prisma.signature.findMany({ orderBy: { name: 'asc' } })
    expect(signatures.map((s) => s.name)).toEqual(['First Twin', 'Supporter 1', 'Supporter 3'])
    const twin = signatures[0]
    // The repeat re-sent a fresh link to the first signer's address and details (decision 059).
    expect(twin).toMatchObject({ email: 'Twin@Example.org', confirmationsSent: 2 })
    await deliverAllDue()
    const toTwin = testContext().resend.emails.filter((e) => e.to[0] === 'Twin@Example.org')
    expect(toTwin).toHaveLength(2)
    for (const e of toTwin) expect(e.html).toContain('First Twin')
    expect(testContext().resend.emails).toHaveLength(4)
  })

  it('tell each request whether mail to its own address is suppressed', async () => {
    await prisma.suppression.create({ data: { emailKey: 'supporter-2@example.org', reason: 'bounce' } })
    const outcomes = await Promise.all([1, 2, 3].map((n) => signPetition(supporter(n))))
    expect(outcomes).toEqual([{ undeliverable: false }, { undeliverable: true }, { undeliverable: false }])
  })

  it('fail together when the statement fails, and store nothing of the group', async () => {
    await signPetition(supporter(0))
    const results = await Promise.allSettled([
      signPetition(supporter(1)),
      // A language the column cannot hold: the one statement of the group fails.
      signPetition(supporter(2), { language: 'xyz' as Language }),
      signPetition(supporter(3)),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect((await prisma.signature.findMany()).map((s) => s.email)).toEqual(['supporter-0@example.org'])
    expect(await prisma.email.count()).toBe(1)

    // The next group is written as usual.
    await Promise.all([signPetition(supporter(1)), signPetition(supporter(3))])
    expect(await prisma.signature.count()).toBe(3)
    expect(await prisma.email.count()).toBe(3)
  })

  it('fail together when the database connection is killed mid-statement', async () => {
    // Hold the Signature table so the group's statement is waiting on the server when its connection is killed.
    const holder = new pg.Client({ connectionString: testContext().databaseUrl })
    await holder.connect()
    try {
      await holder.query('BEGIN; LOCK TABLE "Signature" IN EXCLUSIVE MODE')
      const pending = Promise.allSettled([1, 2, 3].map((n) => signPetition(supporter(n))))
      let killed = 0
      for (let i = 0; i < 200 && killed === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25))
        const { rows } = await holder.query<{ n: number }>(`
          SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "Signature"%'`)
        killed = rows[0].n
      }
      expect(killed).toBe(1)
      expect((await pending).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
    }
    expect(await prisma.signature.count()).toBe(0)
    expect(await prisma.email.count()).toBe(0)
    // The pool replaces the dead connection.
    await signPetition(supporter(4))
    expect(await prisma.signature.count()).toBe(1)
  })
})
