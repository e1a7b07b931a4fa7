// Resend, over HTTP, telling the app what became of an email: a correctly
// signed bounce marks the email bounced and the address is never emailed
// again; forged, tampered and stale webhooks get 401 and change nothing.
import { expect, test } from '@playwright/test'
import { appDatabaseUrl, inDatabase, sign } from './support/campaign'
import { deliveredTo, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'
import { e2eWebhookSecret, resendEvent, signWebhook, type SignedWebhook } from '../app/testing/webhooks'

async function postWebhook(signed: SignedWebhook) {
  const response = await fetch(`${appUrl}/webhooks/resend`, { method: 'POST', headers: signed.headers, body: signed.body })
  return { status: response.status, body: (await response.json().catch(() => null)) as { message?: string } | null }
}

test('a signed bounce marks the email bounced and stops all mail to the address; a forged one changes nothing', async () => {
  const rosa = uniqueEmail('rosa')
  await sign({ name: 'Rosa Bounce', email: rosa })
  const confirmation = await waitForEmail(rosa)
  const event = resendEvent('email.bounced', confirmation.id, rosa, { bounce: { type: 'Permanent', subType: 'General', message: '550 5.1.1 No such user' } })
  const genuine = signWebhook(e2eWebhookSecret, event)

  // Forged (another secret), tampered (body changed after signing), stale (6 minutes old), unsigned.
  expect((await postWebhook(signWebhook(`whsec_${Buffer.from('not our secret at all').toString('base64')}`, event))).status).toBe(401)
  expect((await postWebhook({ ...genuine, body: genuine.body.replace('Permanent', 'Transient') })).status).toBe(401)
  expect((await postWebhook(signWebhook(e2eWebhookSecret, event, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }))).status).toBe(401)
  expect((await postWebhook({ body: genuine.body, headers: { 'content-type': 'application/json' } })).status).toBe(401)
  expect((await fetch(`${appUrl}/webhooks/resend`)).status).toBe(405)

  const database = await appDatabaseUrl(rosa)
  const state = () =>
    inDatabase(database, async (db) => ({
      email: (await db.query('SELECT status FROM "Email" WHERE "providerId" = $1', [confirmation.id])).rows[0]?.status,
      suppressed: (await db.query('SELECT reason FROM "Suppression" WHERE "emailKey" = lower($1)', [rosa])).rows[0]?.reason ?? null,
    }))
  expect(await state()).toEqual({ email: 'sent', suppressed: null })
  // Nothing changed: signing again still brings a fresh confirmation.
  await sign({ name: 'Rosa Bounce', email: rosa })
  await waitForEmail(rosa, { count: 2 })

  const accepted = await postWebhook(genuine)
  expect(accepted).toEqual({ status: 200, body: { ok: true, message: 'Received.' } })
  expect(await postWebhook(genuine)).toEqual({ status: 200, body: { ok: true, message: 'Already received.' } })
  expect(await state()).toEqual({ email: 'bounced', suppressed: 'bounce' })

  // Never emailed again: a supporter who signs after her gets mail, she does not.
  await sign({ name: 'Rosa Bounce', email: rosa })
  const control = uniqueEmail('carl')
  await sign({ name: 'Carl Control', email: control })
  await waitForEmail(control)
  expect(await deliveredTo(rosa)).toHaveLength(2)
  const last = await inDatabase(database, (db) => db.query('SELECT status FROM "Email" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1', [rosa]))
  expect(last.rows[0].status).toBe('suppressed')
})

test('delivery reports arrive in any order and only move an email forward', async () => {
  const dev = uniqueEmail('dev')
  await sign({ name: 'Dev Delivered', email: dev })
  const confirmation = await waitForEmail(dev)
  for (const type of ['email.delivered', 'email.sent', 'email.delivery_delayed']) {
    expect((await postWebhook(signWebhook(e2eWebhookSecret, resendEvent(type, confirmation.id, dev)))).status).toBe(200)
  }
  const database = await appDatabaseUrl(dev)
  const { rows } = await inDatabase(database, (db) => db.query('SELECT status FROM "Email" WHERE "providerId" = $1', [confirmation.id]))
  expect(rows[0].status).toBe('delivered')
})
