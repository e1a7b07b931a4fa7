// Test helpers: a campaigner with a live session, and requests carrying it.
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { hashPassword } from './password.server'
import { startSession } from './session.server'

export const TEST_APP_URL = 'http://campaign.test'

export async function signedInCampaigner(role: 'admin' | 'viewer', email = `${role}-${crypto.randomUUID().slice(0, 8)}@campaign.test`) {
  const campaigner = await prisma.campaigner.create({ data: { email, role, passwordHash: await hashPassword('a long enough passphrase') } })
  const setCookie = await startSession(campaigner.id)
  const cookie = setCookie.split(';')[0]
  return {
    campaigner: { id: campaigner.id, email, role },
    cookie,
    request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers)
      headers.set('cookie', cookie)
      if (init.method && init.method !== 'GET') headers.set('origin', TEST_APP_URL)
      return new Request(`${TEST_APP_URL}${path}`, { ...init, headers })
    },
  }
}

/** Calls a route module's loader or action as React Router would. */
export function routeArgs(request: Request, params: Record<string, string> = {}) {
  return { request, params, context: { clientIp: '127.0.0.1', socketAddress: '127.0.0.1', cspNonce: '' } } as never
}

/** What a loader or action threw or returned, as a Response-like status. */
export async function outcome(run: () => Promise<unknown>): Promise<{ status: number; value: any }> {
  try {
    const value = await run()
    if (value instanceof Response) return { status: value.status, value }
    const init = (value as { init?: { status?: number } })?.init
    return { status: init?.status ?? 200, value }
  } catch (thrown: any) {
    if (thrown instanceof Response) return { status: thrown.status, value: thrown }
    if (thrown?.init?.status) return { status: thrown.init.status, value: thrown }
    throw thrown
  }
}

let signatures = 0

/** A signature row as the petition would leave it (validated unless told otherwise); fields left undefined keep their defaults. */
export async function insertSignature(fields: Partial<Prisma.SignatureUncheckedCreateInput> = {}) {
  signatures++
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Prisma.SignatureUncheckedCreateInput>
  const state = given.state ?? 'validated'
  const email = given.email ?? `person${signatures}@example.org`
  return prisma.signature.create({
    data: {
      name: `Person ${signatures}`,
      emailKey: email.toLowerCase(),
      postcode: 'RG1 1AA',
      privacyVersion: 'test',
      tokenHash: `hash-${signatures}-${Math.random()}`,
      tokenExpiresAt: new Date(Date.now() + 86400_000),
      validatedAt: state === 'validated' ? new Date() : null,
      ...given,
      email,
      state,
    },
  })
}
