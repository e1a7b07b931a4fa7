// The local outbox's viewer: only when mail is not going to Resend, and never in production.
import { data } from 'react-router'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'

function assertMailboxAvailable() {
  if (!env().outbox || env().production) throw data('Not found', { status: 404 })
}

export async function listOutbox() {
  assertMailboxAvailable()
  return prisma.email.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, to: true, subject: true, status: true, createdAt: true },
  })
}

export async function readOutboxEmail(id: string) {
  assertMailboxAvailable()
  const email = /^[0-9a-f-]{36}$/.test(id) ? await prisma.email.findUnique({ where: { id } }) : null
  if (!email) throw data('Not found', { status: 404 })
  return email
}
