import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { firstAppLink, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

async function publicCount(): Promise<number> {
  const response = await fetch(`${appUrl}/petition.json`)
  return ((await response.json()) as { signature_count: number }).signature_count
}

test('Suzie signs, confirms from her email, and is counted once', async ({ page }) => {
  const email = uniqueEmail('suzie')
  // Confirmations by earlier scenarios reach the count within 5 s: let them land first.
  await new Promise((resolve) => setTimeout(resolve, 5_000))
  const before = await publicCount()

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'A legal Duty of Care' })).toBeVisible()
  await expect(page.getByText(/^Source: NSPCC/)).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Full name').fill('Suzie Jones')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Postcode').fill('rg1 1aa')
  await expect(page.getByLabel(/Email me updates/)).not.toBeChecked()
  await page.getByRole('button', { name: /Sign/ }).click()

  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await expect(page).toHaveURL(/\/petition\/signed$/)
  await expectAccessible(page)

  const confirmation = await waitForEmail(email)
  expect(confirmation.subject).toMatch(/Confirm your signature/)
  expect(await publicCount()).toBe(before)

  // The link opens a page; only its button confirms.
  await page.goto(firstAppLink(confirmation, appUrl))
  await expect(page.getByRole('heading', { name: 'Confirm your signature' })).toBeVisible()
  await expectAccessible(page)
  expect(await publicCount()).toBe(before)
  await page.getByRole('button', { name: 'Confirm my signature' }).click()
  await expect(page.getByRole('heading', { name: /your signature is confirmed/ })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Email your MP' }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: /Share on WhatsApp/ })).toBeVisible()
  await expectAccessible(page)

  await expect.poll(publicCount, { timeout: 10_000 }).toBe(before + 1)

  // Opening the link again, or signing again, changes nothing.
  await page.goto(firstAppLink(confirmation, appUrl))
  await expect(page.getByRole('heading', { name: /already confirmed/ })).toBeVisible()
  await page.goto('/')
  await page.getByLabel('Full name').fill('Suzie Jones')
  await page.getByLabel('Email', { exact: true }).fill(email.toUpperCase())
  await page.getByLabel('Postcode').fill('RG1 1AA')
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const second = await waitForEmail(email, { count: 2 })
  expect(second.subject).toMatch(/already signed/)
  await page.waitForTimeout(3_000)
  expect(await publicCount()).toBe(before + 1)
})
