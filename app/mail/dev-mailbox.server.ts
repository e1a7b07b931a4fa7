// The local outbox's viewer. Its emails hold live links (confirm a signature, send a
// letter, download or erase someone's data), so it is never served in production, and
// otherwise only to this machine (a loopback connection: the socket's own address, never
// a header) when there is no Resend key — unless DEV_MAILBOX=on says anyone may read it.
import { data } from 'react-router'
import { prisma } from '~/lib/db.server'
import { env, type Env } from '~/lib/env.server'
import { isLoopback } from '~/lib/network'

export function mayReadOutbox(audience: Env['devMailbox'], socketAddress: string): boolean {
  return audience === 'anyone' || (audience === 'loopback' && isLoopback(socketAddress))
}

function assertMailboxAvailable(socketAddress: string) {
  if (!mayReadOutbox(env().devMailbox, socketAddress)) throw data('Not found', { status: 404 })
}

export async function listOutbox(socketAddress: string) {
  assertMailboxAvailable(socketAddress)
  return prisma.email.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, to: true, subject: true, status: true, createdAt: true },
  })
}

export async function readOutboxEmail(id: string, socketAddress: string) {
  assertMailboxAvailable(socketAddress)
  const email = /^[0-9a-f-]{36}$/.test(id) ? await prisma.email.findUnique({ where: { id } }) : null
  if (!email) throw data('Not found', { status: 404 })
  return email
}
