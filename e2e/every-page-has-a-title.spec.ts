// Every page has a <title>, the 404 page included, and after a failed submit it starts
// with "Error: " (with JavaScript and without), so screen reader users hear it first.
// Axe runs on the error states. And the campaigner's dashboard shows its System status.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { ADMIN } from './support/campaign'
import { uniqueEmail } from './support/mailbox'

test('the 404 page has a title and no accessibility problems', async ({ page }) => {
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(page).toHaveTitle('Page not found — Duty of Care')
  await expectAccessible(page)
})

test('a failed signature starts the title with "Error: ", and a good one does not', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  const title = await page.title()
  expect(title).not.toMatch(/^Error/)
  await page.getByLabel('Full name').fill('Tia Title')
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('tia'))
  await page.getByLabel('Postcode').fill('RG1 1A')
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('alert')).toContainText('Enter a real UK postcode')
  await expect(page).toHaveTitle(`Error: ${title}`)
  await expectAccessible(page)

  await page.getByLabel('Postcode').fill('RG1 1AA')
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await expect(page).toHaveTitle('Check your email — Duty of Care petition')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the sign form, the first step of "Email your MP" and "See your data" say "Error: " in the title', async ({ page }) => {
    await page.goto('/')
    const title = await page.title()
    await page.getByRole('button', { name: /Sign/ }).click()
    await expect(page.getByRole('alert').first()).toBeVisible()
    await expect(page).toHaveTitle(`Error: ${title}`)

    await page.goto('/write')
    const writeTitle = await page.title()
    expect(writeTitle).toBeTruthy()
    await page.getByRole('button', { name: /Find my MP/ }).click()
    await expect(page).toHaveTitle(`Error: ${writeTitle}`)

    await page.goto('/my-data')
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await expect(page).toHaveTitle('Error: See or erase your data — Duty of Care campaign')
    // (axe needs JavaScript in the page: the same error states are checked with it above and below.)
  })
})

test('a refused sign-in says "Error: " in the title; the dashboard shows the System status', async ({ page }) => {
  test.setTimeout(180_000) // axe on the whole dashboard is slow on a busy machine
  await page.goto('/admin/sign-in')
  await page.getByLabel('Email').fill('nobody-here@campaign.test')
  await page.getByLabel('Password').fill('not the password at all')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveTitle('Error: Sign in — campaign dashboard')
  await expectAccessible(page)
  await page.goto('/my-data')
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expect(page).toHaveTitle('Error: See or erase your data — Duty of Care campaign')
  await expectAccessible(page)

  await page.goto('/admin/sign-in')
  // (signIn() allows 5 s for argon2 and the dashboard: not enough on a machine this busy.)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Campaign figures' })).toBeVisible({ timeout: 30_000 })
  await expect(page).toHaveTitle('Campaign dashboard — Duty of Care')
  const status = page.getByRole('region', { name: 'System status' })
  await expect(status).toBeVisible()
  await expect(status).toContainText('MP directory sync')
  await expect(status).toContainText('Worker')
  await expectAccessible(page)
})
