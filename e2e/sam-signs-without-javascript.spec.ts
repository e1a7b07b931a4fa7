import { expect, test } from '@playwright/test'
import { firstAppLink, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

test.use({ javaScriptEnabled: false })

test('Sam signs and confirms with JavaScript turned off', async ({ page }) => {
  const email = uniqueEmail('sam')
  await page.goto('/')
  await page.getByLabel('Full name').fill('Sam Okafor')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Postcode').fill('EH10 4BF')
  await page.getByLabel(/Email me updates/).check()
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()

  const confirmation = await waitForEmail(email)
  await page.goto(firstAppLink(confirmation, appUrl))
  await page.getByRole('button', { name: 'Confirm my signature' }).click()
  await expect(page.getByRole('heading', { name: /your signature is confirmed/ })).toBeVisible()
})

test('Sam gets field errors without JavaScript, with what he typed kept', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Full name').fill('Sam Okafor')
  await page.getByLabel('Email', { exact: true }).fill('sam-at-example')
  await page.getByRole('button', { name: /Sign/ }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('There is a problem')
  await expect(summary.getByRole('link', { name: /correct format/ })).toHaveAttribute('href', '#sign-email')
  await expect(summary.getByRole('link', { name: 'Enter your postcode' })).toHaveAttribute('href', '#sign-postcode')
  await expect(page.getByLabel('Full name')).toHaveValue('Sam Okafor')
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true')
})
