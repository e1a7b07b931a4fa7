// Carla briefs the MPs whose constituents have signed: she writes one briefing with placeholders,
// sees who gets it (and that the Speaker, switched off, does not), previews it as Ian Murray will read
// it, confirms, and Resend has a bad moment (a 500, then a 429). Each eligible MP gets exactly one.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { ADMIN, signAndConfirm } from './support/campaign'
import { deliveredTo, uniqueEmail } from './support/mailbox'
import { appUrl, resendStubUrl } from './support/ports'
import { e2eWebhookSecret, resendEvent, signWebhook } from '../app/testing/webhooks'

const SEATS = [
  { postcode: 'SL6 1AA', constituency: 'Maidenhead', mp: 'Mr Joshua Reynolds' },
  { postcode: 'EH10 4BF', constituency: 'Edinburgh South', mp: 'Ian Murray' },
  { postcode: 'PR7 1DP', constituency: 'Chorley', mp: 'Sir Lindsay Hoyle' }, // the Speaker: switched off
]

test('Carla composes, previews and confirms a briefing; each eligible MP gets exactly one', async ({ page }) => {
  test.setTimeout(300_000) // six signers confirm over HTTP and axe runs on five pages: room for a busy machine
  for (const seat of SEATS) {
    for (const who of ['one', 'two']) await signAndConfirm({ name: `Briefing ${who}`, email: uniqueEmail(`briefing-${who}`), postcode: seat.postcode })
  }
  const marker = `Briefing ${Date.now()}`

  // Signing in hashes a password (argon2id): on a busy machine that takes longer than signIn's default wait.
  await page.goto('/admin')
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Campaign figures' })).toBeVisible({ timeout: 30_000 })
  await page.getByRole('link', { name: 'MP briefings' }).click()
  await expect(page.getByRole('heading', { name: 'MP briefings', level: 1 })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Write a briefing' }).click()
  await expectAccessible(page)

  // A misspelt placeholder is refused with the field's own message.
  await page.getByLabel('Signatures needed in the constituency').fill('2')
  await page.getByLabel('Subject').fill(`${marker}: {{constituency}}`)
  await page.getByLabel('Briefing').fill('Dear {{mp_nmae}}')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page).toHaveTitle(/^Error: /)
  await expect(page.getByRole('link', { name: /Unknown placeholder \{\{mp_nmae\}\}/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Briefing').fill('Dear {{mp_name}},\n\n**{{signatures}}** people in {{constituency}} have signed: {{rank}}.\n{{asks}}\nSee {{seat_url}}')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('status')).toHaveText('Draft saved.')

  // The worker places new signatures in their constituencies within seconds.
  const eligible = page.getByRole('table', { name: 'MPs who would get this briefing' })
  await expect(async () => {
    await page.reload()
    await expect(eligible.getByRole('row', { name: /Ian Murray/ })).toBeVisible({ timeout: 1_000 })
    await expect(eligible.getByRole('row', { name: /Joshua Reynolds/ })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  const excluded = page.getByRole('table', { name: /would not get it, and why/ })
  await expect(excluded.getByRole('row', { name: /Sir Lindsay Hoyle/ })).toContainText('Target switched off')
  await expectAccessible(page)

  // Every eligible MP and their address, as the page lists them.
  const rows = eligible.locator('tbody tr')
  const addresses = (await rows.locator('td:nth-child(6)').allTextContents()).map((a) => a.trim())
  expect(addresses.length).toBeGreaterThanOrEqual(2)
  expect(addresses).toContain('ian.murray.mp@parliament.uk')
  expect(addresses).not.toContain('lindsay.hoyle.mp@parliament.uk')

  await page.getByLabel('Preview as the email to').selectOption({ label: 'Ian Murray, Edinburgh South' })
  await page.getByRole('button', { name: 'Show preview' }).click()
  const preview = page.getByTestId('briefing-preview')
  await expect(preview).toContainText('Dear Ian Murray,')
  await expect(preview).toContainText(`${marker}: Edinburgh South`)
  await expect(preview).toContainText(/of 650/)
  await expect(preview.getByRole('listitem')).toHaveCount(4)
  await expect(preview.getByRole('link', { name: /\/map\/S14000080$/ })).toBeVisible()

  const mps = `${addresses.length} MP${addresses.length === 1 ? '' : 's'}`
  await page.getByRole('link', { name: `Review and send to ${mps}` }).click()
  await expect(page.getByRole('heading', { name: 'Check before you send' })).toBeVisible()
  await expectAccessible(page)
  expect(await briefingsTo(addresses, marker)).toEqual(addresses.map(() => 0)) // nothing before the button

  // Resend has a bad moment as the briefings go out.
  const failures = [
    { status: 500, body: { statusCode: 500, name: 'application_error', message: 'Something went wrong' } },
    { status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }, headers: { 'retry-after': '1' } },
  ]
  await fetch(`${resendStubUrl}/_stub/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ responses: failures }) })
  await page.getByRole('button', { name: `Send to ${mps}` }).click()
  await expect(page.getByRole('status')).toContainText('Sending has started')

  await expect.poll(() => briefingsTo(addresses, marker), { timeout: 60_000 }).toEqual(addresses.map(() => 1))
  await expect(async () => {
    await page.reload()
    await expect(page.getByText(`${addresses.length} of ${addresses.length} MPs’ emails written to the outbox`)).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await expectAccessible(page)
  // Retries are over once every MP has theirs: still exactly one each, and none to the Speaker.
  await page.waitForTimeout(3_000)
  expect(await briefingsTo(addresses, marker)).toEqual(addresses.map(() => 1))
  expect(await briefingsTo(['lindsay.hoyle.mp@parliament.uk'], marker)).toEqual([0])

  const ian = (await deliveredTo('ian.murray.mp@parliament.uk')).find((e) => e.subject.startsWith(marker))!
  expect(ian.subject).toBe(`${marker}: Edinburgh South`)
  expect(ian.html).toContain('Dear Ian Murray,')
  expect(ian.text).toMatch(/\/map\/S14000080/)

  // MP targets shows when he was briefed.
  const briefingUrl = page.url()
  await page.goto('/admin/mps?q=Ian+Murray')
  await expect(page.getByText(/Last briefed on /)).toBeVisible()

  // Resend reports his briefing bounced: his address is flagged, on the briefing's page and on MP targets.
  const bounce = signWebhook(e2eWebhookSecret, resendEvent('email.bounced', ian.id, 'ian.murray.mp@parliament.uk', { bounce: { type: 'Permanent', subType: 'General', message: '550 No such user' } }))
  expect((await fetch(`${appUrl}/webhooks/resend`, { method: 'POST', headers: bounce.headers, body: bounce.body })).status).toBe(200)
  await page.goto(briefingUrl)
  await expect(page.getByRole('row', { name: /Ian Murray/ })).toContainText('bounced: address flagged on MP targets')
  await page.goto('/admin/mps?q=Ian+Murray')
  await expect(page.getByText(/This address bounced on .* \(a letter or a briefing\)/)).toBeVisible()
  await expectAccessible(page)
  // Carla knows the office fixed its mailbox: she marks it as working (audited), and the flag is gone.
  await page.getByRole('link', { name: 'Mark as working the address of Ian Murray' }).click()
  await page.getByRole('button', { name: /Yes, the address works/ }).click()
  await expect(page).toHaveURL(/released=/)
  await page.goto('/admin/mps?q=Ian+Murray')
  await expect(page.getByText(/This address bounced on/)).toHaveCount(0)
})

async function briefingsTo(addresses: string[], marker: string) {
  return Promise.all(addresses.map(async (a) => (await deliveredTo(a)).filter((e) => e.subject.startsWith(marker)).length))
}
