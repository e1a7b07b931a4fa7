// An admin sends a campaign update; Ursula unsubscribes with one click on
// the page (JavaScript on), Uma does it with JavaScript off, and Ulrich's
// mail client uses the List-Unsubscribe-Post header. None of them gets the
// next update; Carl, who stayed, does.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { ADMIN, confirmFromEmail, signIn } from './support/campaign'
import { deliveredTo, uniqueEmail } from './support/mailbox'
import { appUrl } from './support/ports'

/** Signs with the updates box ticked, as the form does, and confirms. */
async function signUpForUpdates(name: string, email: string) {
  const signed = await fetch(`${appUrl}/?index`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name, email, postcode: 'RG1 1AA', optIn: 'on' }),
  })
  expect(signed.status).toBe(303)
  await confirmFromEmail(email)
}

async function sendUpdate(page: Page, subject: string, body: string, { test: sendTest = false } = {}) {
  await page.goto('/admin/updates')
  await page.getByRole('link', { name: 'Write an update' }).click()
  await page.getByLabel('Subject').fill(subject)
  await page.getByLabel('Message').fill(body)
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('status')).toHaveText('Draft saved.')
  await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible()
  if (sendTest) {
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Send me a test' }).click()
    await expect(page.getByRole('status')).toContainText('Test sent to your address')
    await expect.poll(updateTo(ADMIN.email, `[Test] ${subject}`), { timeout: 15_000 }).toBe(1)
  }
  await page.getByRole('link', { name: /^Review and send to \d/ }).click()
  await expect(page.getByRole('heading', { name: 'Check before you send' })).toBeVisible()
  if (!sendTest) {
    // Nothing reaches supporters before a test of this very text has (decision 097).
    await expect(page.getByRole('button', { name: /^Send to \d/ })).toHaveCount(0)
    await page.getByRole('button', { name: 'Send me a test' }).click()
    await expect(page.getByRole('status')).toContainText('Test sent to your address')
  }
  await page.getByRole('button', { name: /^Send to \d/ }).click()
  await expect(page.getByRole('status')).toHaveText('Sending has started.')
}

function updateTo(address: string, subject: string) {
  return async () => (await deliveredTo(address)).filter((e) => e.subject === subject).length
}

test('campaign updates unsubscribe in one click: on the page with and without JavaScript, and from the mail client', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const people = Object.fromEntries(['ursula', 'uma', 'ulrich', 'carl'].map((name) => [name, uniqueEmail(name)]))
  for (const [name, email] of Object.entries(people)) await signUpForUpdates(`${name} Supporter`, email)

  await signIn(page)
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Updates' }).click()
  await expect(page.getByRole('heading', { name: 'Campaign updates' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Write an update' }).click()
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('alert')).toContainText('Enter a subject')
  await expectAccessible(page)

  await sendUpdate(page, 'The Bill has its second reading', 'MPs debate it on **Tuesday**.\n\n- Email your MP\n- Share the petition', { test: true })
  await expectAccessible(page)
  for (const email of Object.values(people)) await expect.poll(updateTo(email, 'The Bill has its second reading'), { timeout: 30_000 }).toBe(1)

  const [update] = (await deliveredTo(people.ursula)).filter((e) => e.subject === 'The Bill has its second reading')
  const link = (update.html ?? '').match(/href="([^"]*\/unsubscribe\/[^"]+)"/)?.[1]
  expect(link).toMatch(new RegExp(`^${appUrl}/unsubscribe/[A-Za-z0-9_-]{43}$`))
  expect(update.headers).toEqual({ 'List-Unsubscribe': `<${link ?? ''}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
  expect(update.html).toContain('<strong>Tuesday</strong>')

  // Ursula, JavaScript on.
  await page.goto(link!)
  await expect(page.getByRole('heading', { name: 'Unsubscribe from campaign updates' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(page.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible()
  await expectAccessible(page)

  // Uma, JavaScript off.
  const noJs = await browser.newContext({ javaScriptEnabled: false })
  const umaPage = await noJs.newPage()
  const umaUpdate = (await deliveredTo(people.uma)).find((e) => e.subject === 'The Bill has its second reading')!
  const umaLink = (umaUpdate.headers?.['List-Unsubscribe'] ?? '').slice(1, -1)
  await umaPage.goto(umaLink)
  await umaPage.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(umaPage.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible()
  await noJs.close()

  // Ulrich's mail client: RFC 8058 one-click POST, no page, no sign-in.
  const ulrichUpdate = (await deliveredTo(people.ulrich)).find((e) => e.subject === 'The Bill has its second reading')!
  const oneClick = await fetch((ulrichUpdate.headers?.['List-Unsubscribe'] ?? '').slice(1, -1), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  })
  expect(oneClick.status).toBe(200)

  // A forged link unsubscribes nobody.
  const forged = await fetch(`${appUrl}/unsubscribe/${'A'.repeat(43)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  expect(forged.status).toBe(404)

  await sendUpdate(page, 'Thank you: the Bill passed its second reading', 'It passed. Thank you.')
  await expect.poll(updateTo(people.carl, 'Thank you: the Bill passed its second reading'), { timeout: 30_000 }).toBe(1)
  for (const email of [people.ursula, people.uma, people.ulrich]) {
    expect(await updateTo(email, 'Thank you: the Bill passed its second reading')()).toBe(0)
  }
})
