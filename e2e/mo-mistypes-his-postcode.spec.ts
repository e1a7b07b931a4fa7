import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { deliveredTo, uniqueEmail } from './support/mailbox'

test('Mo mistypes his postcode, sees why, fixes it and signs', async ({ page }) => {
  const email = uniqueEmail('mo')
  await page.goto('/')
  await page.getByLabel('Full name').fill('Mo Hassan')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Postcode').fill('RG1 1A')
  await page.getByRole('button', { name: /Sign/ }).click()

  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Enter a real UK postcode')
  await expect(summary).toBeFocused()
  const postcode = page.getByLabel('Postcode')
  await expect(postcode).toHaveAttribute('aria-invalid', 'true')
  await expect(postcode).toHaveAccessibleDescription(/Enter a real UK postcode/)
  await expect(page.getByLabel('Full name')).toHaveValue('Mo Hassan')
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email)
  await expectAccessible(page)

  await summary.getByRole('link', { name: /Enter a real UK postcode/ }).click()
  await expect(postcode).toBeFocused()
  await page.waitForTimeout(1_500)
  expect(await deliveredTo(email)).toHaveLength(0)

  await postcode.fill('RG1 1AA')
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
})
