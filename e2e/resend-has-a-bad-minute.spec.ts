// Resend fails the first requests (a 500, then a 429 asking us to wait):
// every confirmation still arrives, exactly once.
import { expect, test } from '@playwright/test'
import { sign } from './support/campaign'
import { deliveredTo, uniqueEmail, waitForEmail } from './support/mailbox'
import { resendStubUrl } from './support/ports'

test('after a 500 and a 429, every confirmation arrives exactly once', async () => {
  const failures = [
    { status: 500, body: { statusCode: 500, name: 'application_error', message: 'Something went wrong' } },
    { status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }, headers: { 'retry-after': '1' } },
  ]
  const scripted = await fetch(`${resendStubUrl}/_stub/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ responses: failures }) })
  expect(scripted.status).toBe(204)

  const people = ['bea', 'bo', 'bix'].map((name) => ({ name: `${name} Patient`, email: uniqueEmail(name) }))
  for (const person of people) await sign(person)
  for (const person of people) await waitForEmail(person.email, { timeout: 30_000 })

  // A later email arriving means the retries are over: still one each.
  const late = uniqueEmail('late')
  await sign({ name: 'Late Comer', email: late })
  await waitForEmail(late)
  for (const person of people) expect(await deliveredTo(person.email)).toHaveLength(1)
})
