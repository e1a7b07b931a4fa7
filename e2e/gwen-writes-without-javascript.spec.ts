// Gwen writes to her MP in Welsh with JavaScript turned off (decisions 095, 112): every step of /cy/write is a
// plain form, its errors come back in Welsh beside the fields and in a linked summary, her words are kept, and
// she stays under /cy from the postcode to the sent page.
import { expect, test } from '@playwright/test'
import { firstAppLink, lettersFrom, uniqueEmail, waitForEmail } from './support/mailbox'
import { waitForMpDirectory } from './support/campaign'
import { appUrl } from './support/ports'

test.use({ javaScriptEnabled: false })

const MP = 'matt.rodda.mp@parliament.uk'
const OWN_WORDS = 'Rwy’n athrawes yn Reading ac rwy’n gweld bob dydd beth mae plant yn ei wynebu ar-lein.'

test.beforeAll(waitForMpDirectory)

test('Gwen writes to her MP in Welsh with JavaScript turned off', async ({ page }) => {
  const email = uniqueEmail('gwen.nojs')
  await page.goto('/cy/write')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await page.getByLabel('Cod post').fill('RG1 1AA')
  await page.getByRole('button', { name: 'Dod o hyd i’m AS' }).click()
  await expect(page).toHaveURL(/\/cy\/write/)
  await expect(page.getByRole('heading', { name: 'Eich AS yw Matt Rodda (Labour), AS dros Reading Central' })).toBeVisible()

  // Missing details: Welsh errors beside the fields and in a summary, her letter kept.
  const letter = page.getByLabel('Eich llythyr')
  await letter.fill(`${await letter.inputValue()}\n\n${OWN_WORDS}`)
  await page.getByRole('button', { name: 'Rhagweld fy llythyr' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Mae problem')
  await expect(summary.getByRole('link', { name: 'Rhowch eich enw llawn' })).toHaveAttribute('href', '#write-name')
  await expect(summary.getByRole('link', { name: 'Rhowch linell gyntaf eich cyfeiriad' })).toHaveAttribute('href', '#write-addressLine1')
  await expect(page.getByLabel('Enw llawn')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Eich llythyr')).toHaveValue(new RegExp(OWN_WORDS))
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')

  await page.getByLabel('Enw llawn').fill('Gwen Morgan')
  await page.getByLabel('E-bost', { exact: true }).fill(email)
  await page.getByLabel('Llinell gyntaf y cyfeiriad').fill('7 Heol y Frenhines')
  await page.getByRole('button', { name: 'Rhagweld fy llythyr' }).click()
  await expect(page).toHaveURL(/\/cy\/write\/preview$/)
  await expect(page.getByRole('heading', { name: 'Gwirio eich llythyr at Matt Rodda' })).toBeVisible()

  // She changes her mind, changes the subject, previews again.
  await page.getByRole('button', { name: 'Newid fy llythyr' }).click()
  await expect(page.getByLabel('Eich llythyr')).toHaveValue(new RegExp(OWN_WORDS))
  await page.getByLabel('Pwnc').fill('Gan athrawes yn Reading')
  await page.getByRole('button', { name: 'Rhagweld fy llythyr' }).click()
  await expect(page.getByText('Gan athrawes yn Reading')).toBeVisible()

  await page.getByRole('button', { name: 'Anfon fy llythyr' }).click()
  await expect(page).toHaveURL(/\/cy\/write\/check-email$/)
  await expect(page.getByRole('heading', { name: 'Gwiriwch eich e-bost' })).toBeVisible()

  const confirmation = await waitForEmail(email)
  expect(confirmation.subject).toBe('Cadarnhewch eich llythyr at Matt Rodda')
  await page.goto(firstAppLink(confirmation, appUrl))
  await page.getByRole('button', { name: 'Anfon fy llythyr at Matt Rodda' }).click()
  await expect(page).toHaveURL(/\/cy\/write\/sent$/)
  await expect(page.getByRole('heading', { name: 'Diolch — mae eich llythyr ar ei ffordd' })).toBeVisible()

  await expect
    .poll(async () => (await lettersFrom(email, MP)).map((e) => e.subject), { timeout: 15_000 })
    .toEqual(['Gan athrawes yn Reading'])
})
