// Reads what the Resend stub "delivered", as a supporter reads their inbox.
import { expect } from '@playwright/test'
import type { DeliveredEmail } from '../../app/testing/stubs/resend-stub'
import { resendStubUrl } from './ports'

export { firstAppLink } from '../../app/testing/email-links'

export async function deliveredTo(address: string): Promise<DeliveredEmail[]> {
  const response = await fetch(`${resendStubUrl}/_stub/emails`)
  const emails = (await response.json()) as DeliveredEmail[]
  return emails.filter((e) => e.to.some((to) => to.toLowerCase() === address.toLowerCase()))
}

/** Letters the app delivered to `mp` on behalf of `writer` (the writer is their Reply-To). */
export async function lettersFrom(writer: string, mp: string): Promise<DeliveredEmail[]> {
  return (await deliveredTo(mp)).filter((e) => [e.reply_to].flat().includes(writer))
}

/** Waits for the next email to `address` (the worker sends within a second or two). */
export async function waitForEmail(address: string, { count = 1, timeout = 15_000 } = {}): Promise<DeliveredEmail> {
  let found: DeliveredEmail[] = []
  await expect
    .poll(async () => (found = await deliveredTo(address)).length, { timeout, message: `email to ${address}` })
    .toBeGreaterThanOrEqual(count)
  return found[count - 1]
}

export function uniqueEmail(name: string) {
  return `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`
}
