// Phone screenshots of the campaign page and the confirmation email, for the closing note
// (saved to docs/screenshots/). They also check the email fits the phone as it arrives.
import { expect, test } from '@playwright/test'
import path from 'node:path'
import { uniqueEmail, waitForEmail } from './support/mailbox'

const PHONE = { width: 390, height: 844 }
const OUT = path.join(import.meta.dirname, '..', 'docs', 'screenshots')

test.use({ viewport: PHONE })

test('the campaign page and the confirmation email on a phone', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await page.screenshot({ path: path.join(OUT, 'home-phone.png'), fullPage: false })
  await page.screenshot({ path: path.join(OUT, 'home-phone-full.png'), fullPage: true })

  const email = uniqueEmail('hana')
  await page.getByLabel('Full name').fill('Hana Novak')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Postcode').fill('RG1 1AA')
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const message = await waitForEmail(email)
  await page.setContent(message.html!)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
  await expect(page.getByText('Registered charity number 1234567')).toBeVisible()
  await page.screenshot({ path: path.join(OUT, 'confirmation-email-phone.png'), fullPage: true })
})
