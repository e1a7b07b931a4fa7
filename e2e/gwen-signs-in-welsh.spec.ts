// Gwen reads Welsh (decision 110): she signs, gets her confirmation email and confirms, all in Welsh; each
// Welsh page passes axe; the switch takes her to English and remembers it.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { firstAppLink, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

test('Gwen signs and confirms entirely in Welsh, and gets Welsh email', async ({ page }) => {
  const email = uniqueEmail('gwen')
  await page.goto('/cy')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `${appUrl}/`)
  await expect(page.locator('link[rel="alternate"][hreflang="cy"]')).toHaveAttribute('href', `${appUrl}/cy`)
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', `${appUrl}/`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gwneud cwmnïau technoleg yn gyfrifol am gadw plant yn ddiogel ar-lein')
  await expect(page.getByRole('heading', { name: 'Dyletswydd Gofal gyfreithiol' })).toBeVisible()
  await expect(page.getByText('10,119', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Stori Emily' })).toBeVisible()
  // Where to get help, beside the story.
  const help = page.getByTestId('help-lines')
  await expect(help.getByRole('link', { name: '0808 800 5000' })).toHaveAttribute('href', 'tel:08088005000')
  await expect(help.getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111')
  await expect(page.getByRole('link', { name: 'Read this page in English' })).toHaveText('English')
  await expectAccessible(page)

  // A mistake first: the errors are Welsh, and linked to their fields.
  await page.getByLabel('E-bost', { exact: true }).fill('gwen-at-example')
  await page.getByRole('button', { name: 'Llofnodi’r ddeiseb' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Mae problem')
  await expect(summary.getByRole('link', { name: 'Rhowch eich enw llawn' })).toHaveAttribute('href', '#sign-name')
  await expect(summary.getByRole('link', { name: /fformat cywir/ })).toHaveAttribute('href', '#sign-email')
  await expect(page).toHaveTitle(/^Gwall: /)
  await expectAccessible(page)

  await page.getByLabel('Enw llawn').fill('Gwen Jones')
  await page.getByLabel('E-bost', { exact: true }).fill(email)
  await page.getByLabel('Cod post').fill('rg1 1aa')
  await page.getByRole('button', { name: 'Llofnodi’r ddeiseb' }).click()
  await expect(page.getByRole('heading', { name: 'Gwiriwch eich e-bost' })).toBeVisible()
  await expect(page).toHaveURL(/\/cy\/petition\/signed$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expectAccessible(page)

  const confirmation = await waitForEmail(email)
  expect(confirmation.subject).toBe('Cadarnhewch eich llofnod: deiseb Dyletswydd Gofal')
  expect(confirmation.html).toContain('Annwyl Gwen Jones,')
  expect(confirmation.html).toContain('Llinell Gymorth yr NSPCC')
  const link = firstAppLink(confirmation, appUrl)
  expect(link).toMatch(/\/cy\/petition\/confirm\//)

  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Cadarnhewch eich llofnod' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Cadarnhau fy llofnod' }).click()
  await expect(page.getByRole('heading', { name: 'Diolch — mae eich llofnod wedi’i gadarnhau' })).toBeVisible()
  await expect(page).toHaveURL(/\/cy\/petition\/thanks$/)
  await expect(page.getByRole('link', { name: 'E-bostio eich AS' }).first()).toHaveAttribute('href', '/cy/write')
  await expect(page.getByTestId('help-lines').getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111')
  await expectAccessible(page)
})

test('a Welsh browser is sent to /cy; the switch to English is remembered', async ({ browser }) => {
  // What a shared cache is told: `/` depends on the language headers, and a Welsh reader's answer is private.
  const answer = await fetch(`${appUrl}/`, { headers: { 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5' }, redirect: 'manual' })
  expect(answer.status).toBe(302)
  expect(answer.headers.get('location')).toBe('/cy')
  expect(answer.headers.get('cache-control')).toBe('private, no-store')
  expect(answer.headers.get('vary')).toMatch(/Accept-Language/)
  expect((await fetch(`${appUrl}/`, { headers: { 'Accept-Language': 'en-GB' } })).headers.get('vary')).toMatch(/Accept-Language, Cookie/)

  const context = await browser.newContext({ locale: 'cy-GB' })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page).toHaveURL(`${appUrl}/cy`)
  await expect(page.getByLabel('Enw llawn')).toBeVisible()

  await page.getByRole('link', { name: 'Read this page in English' }).click()
  await expect(page).toHaveURL(`${appUrl}/`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
  // The public contract: the English labels and button are as they were.
  await expect(page.getByLabel('Full name')).toBeVisible()
  await expect(page.getByLabel('Email', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Postcode')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign the petition' })).toBeVisible()

  // Back later: English, because she chose it, whatever her browser says.
  await page.goto('/')
  await expect(page).toHaveURL(`${appUrl}/`)
  await page.getByRole('link', { name: 'Darllenwch y dudalen hon yn Gymraeg' }).click()
  await expect(page).toHaveURL(`${appUrl}/cy`)
  await context.close()
})
