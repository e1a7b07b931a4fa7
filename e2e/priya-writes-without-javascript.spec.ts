import { expect, test } from '@playwright/test'
import { deliveredTo, firstAppLink, lettersFrom, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

test.use({ javaScriptEnabled: false })

const MP = 'ian.murray.mp@parliament.uk'

test('Priya writes to her MP with JavaScript turned off', async ({ page }) => {
  const email = uniqueEmail('priya.nojs')
  await page.goto('/write')
  await page.getByLabel('Postcode').fill('EH10 4BF')
  await page.getByRole('button', { name: 'Find my MP' }).click()
  await expect(page.getByRole('heading', { name: 'Your MP is Ian Murray (Labour), MP for Edinburgh South' })).toBeVisible()

  // Missing details: errors beside the fields and in a summary, her letter kept.
  const letter = page.getByLabel('Your letter')
  await letter.fill(`${await letter.inputValue()}\n\nI teach in Morningside and see what children face online every day.`)
  await page.getByRole('button', { name: 'Preview my letter' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('There is a problem')
  await expect(summary.getByRole('link', { name: 'Enter your full name' })).toHaveAttribute('href', '#write-name')
  await expect(summary.getByRole('link', { name: 'Enter the first line of your address' })).toHaveAttribute('href', '#write-addressLine1')
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Your letter')).toHaveValue(/I teach in Morningside/)

  await page.getByLabel('Full name').fill('Priya Singh')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Address line 1').fill('3 Braid Road')
  await page.getByLabel('Phone number').fill('07700 900123')
  await page.getByRole('button', { name: 'Preview my letter' }).click()
  await expect(page.getByRole('heading', { name: 'Check your letter to Ian Murray' })).toBeVisible()
  await expect(page.getByText('Phone: 07700 900123')).toBeVisible()

  // Change her mind, change a word, preview again.
  await page.getByRole('button', { name: 'Change my letter' }).click()
  await expect(page.getByLabel('Your letter')).toHaveValue(/I teach in Morningside/)
  await page.getByLabel('Subject').fill('From a teacher in Morningside')
  await page.getByRole('button', { name: 'Preview my letter' }).click()
  await expect(page.getByText('From a teacher in Morningside')).toBeVisible()

  await page.getByRole('button', { name: 'Send my letter' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const confirmation = await waitForEmail(email)
  await page.goto(firstAppLink(confirmation, appUrl))
  await page.getByRole('button', { name: 'Send my letter to Ian Murray' }).click()
  await expect(page.getByRole('heading', { name: /your letter is on its way/ })).toBeVisible()

  await expect
    .poll(async () => (await lettersFrom(email, MP)).map((e) => e.subject), { timeout: 15_000 })
    .toEqual(['From a teacher in Morningside'])
})

test('Priya sends it from her own email instead', async ({ page }) => {
  const email = uniqueEmail('priya.own')
  await page.goto('/write')
  await page.getByLabel('Postcode').fill('SW1A 1AA')
  await page.getByRole('button', { name: 'Find my MP' }).click()
  await page.getByLabel('Full name').fill('Priya Shah')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Address line 1').fill('1 Whitehall Place')
  await page.getByRole('button', { name: 'Preview my letter' }).click()
  await page.getByRole('button', { name: 'Use my own email instead' }).click()

  await expect(page.getByRole('heading', { name: 'Send your letter to Rachel Blake from your own email' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open in my email app' })).toHaveAttribute('href', /^mailto:rachel\.blake\.mp@parliament\.uk\?subject=/)
  await expect(page.getByRole('link', { name: /Open in Gmail/ })).toHaveAttribute('href', /^https:\/\/mail\.google\.com\/mail\/\?view=cm/)
  await expect(page.getByRole('link', { name: /Open in Outlook/ })).toHaveAttribute('href', /^https:\/\/outlook\.live\.com\//)
  await expect(page.getByLabel('The letter')).toHaveValue(/^Priya Shah\n1 Whitehall Place/)
  await page.waitForTimeout(1_500)
  expect(await deliveredTo(email)).toHaveLength(0)
})
