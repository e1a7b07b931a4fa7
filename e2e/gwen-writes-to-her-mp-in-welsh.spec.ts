// Gwen writes to her MP in Welsh (decisions 110, 112): on /cy/write she finds her MP, starts from the Welsh
// template beside the Welsh call script, sends, gets the Welsh confirmation email, confirms, and sees the
// Welsh sent page; every Welsh page of the journey passes axe and keeps her under /cy.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { deliveredTo, firstAppLink, lettersFrom, uniqueEmail, waitForEmail } from './support/mailbox'
import { waitForMpDirectory } from './support/campaign'
import { appUrl } from './support/ports'

const MP = 'matt.rodda.mp@parliament.uk'
const OWN_WORDS = 'Mae fy merch yn ddeuddeg oed ac mae hi eisoes yn cael negeseuon gan bobl nad yw hi erioed wedi cwrdd â nhw.'

test.beforeAll(waitForMpDirectory)

test('Gwen finds her MP, writes, confirms and is thanked, all in Welsh, and gets Welsh email', async ({ page }) => {
  const email = uniqueEmail('gwen.writes')
  await page.goto('/cy/write')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: 'E-bostio eich AS' })).toBeVisible()
  await expect(page).toHaveTitle('E-bostio eich AS — ymgyrch Dyletswydd Gofal')
  await expectAccessible(page)

  // A mistake first: the error is Welsh, linked to its field.
  await page.getByLabel('Cod post').fill('')
  await page.getByRole('button', { name: 'Dod o hyd i’m AS' }).click()
  await expect(page.getByRole('alert')).toContainText('Mae problem')
  await expectAccessible(page)

  await page.getByLabel('Cod post').fill('rg1 1aa')
  await page.getByRole('button', { name: 'Dod o hyd i’m AS' }).click()
  await expect(page.getByRole('heading', { name: 'Eich AS yw Matt Rodda (Labour), AS dros Reading Central' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Dechreuwch eto gyda chod post arall' })).toHaveAttribute('href', '/cy/write')
  // The Welsh template, and the Welsh call script beside it.
  const letter = page.getByLabel('Eich llythyr')
  const draft = await letter.inputValue()
  expect(draft).toMatch(/^Annwyl Matt Rodda,/)
  expect(draft).toContain('Yn gywir,\n[eich enw]')
  await expect(page.getByRole('meter', { name: 'Eich geiriau eich hun' })).toHaveAttribute('value', '0')
  const panel = page.getByTestId('call-panel')
  await expect(panel.getByRole('heading', { name: 'Neu ffoniwch eich AS' })).toBeVisible()
  await expect(panel.getByTestId('call-script')).toContainText('Rwy’n ffonio i ofyn i Matt Rodda gefnogi Bil Niwed Ar-lein')
  await expect(panel.getByRole('button', { name: 'Rwyf wedi ffonio' })).toBeVisible()
  await expectAccessible(page)

  await letter.fill(draft.replace('Gofynnwch i Brif Weinidog', `${OWN_WORDS}\n\nGofynnwch i Brif Weinidog`))
  await page.getByLabel('Enw llawn').fill('Gwen Jones')
  await page.getByLabel('E-bost', { exact: true }).fill(email)
  await page.getByLabel('Llinell gyntaf y cyfeiriad').fill('12 Stryd y Castell')
  await page.getByRole('button', { name: 'Rhagweld fy llythyr' }).click()

  await expect(page).toHaveURL(/\/cy\/write\/preview$/)
  await expect(page.getByRole('heading', { name: 'Gwirio eich llythyr at Matt Rodda' })).toBeVisible()
  await expect(page.getByText('"Gwen Jones drwy Dyletswydd Gofal" <campaign@')).toBeVisible()
  await expect(page.getByText(/Anfonwyd y llythyr hwn drwy wefan ymgyrch Dyletswydd Gofal .* ar gais Gwen Jones, eich etholwr yn Reading Central/)).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Anfon fy llythyr' }).click()
  await expect(page).toHaveURL(/\/cy\/write\/check-email$/)
  await expect(page.getByRole('heading', { name: 'Gwiriwch eich e-bost' })).toBeVisible()
  await expectAccessible(page)

  const confirmation = await waitForEmail(email)
  expect(confirmation.subject).toBe('Cadarnhewch eich llythyr at Matt Rodda')
  expect(confirmation.html).toContain('Annwyl Gwen Jones,')
  expect(confirmation.html).toContain('Llinell Gymorth yr NSPCC')
  const link = firstAppLink(confirmation, appUrl)
  expect(link).toMatch(/\/cy\/write\/confirm\//)

  await page.goto(link)
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { name: 'Anfon eich llythyr at Matt Rodda' })).toBeVisible()
  await expect(page.getByText(OWN_WORDS)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Anfon fy llythyr at Matt Rodda' }).click()
  await expect(page).toHaveURL(/\/cy\/write\/sent$/)
  await expect(page.getByRole('heading', { name: 'Diolch — mae eich llythyr ar ei ffordd' })).toBeVisible()
  await expect(page.getByTestId('help-lines').getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111')
  await expectAccessible(page)

  // Her words reach the MP as she wrote them; the lines we add are Welsh too.
  const toMp = () => lettersFrom(email, MP)
  await expect.poll(async () => (await toMp()).length, { timeout: 15_000 }).toBe(1)
  const [sent] = await toMp()
  expect(sent.text).toContain(OWN_WORDS)
  expect(sent.text).toContain('ar gais Gwen Jones')
  await expect.poll(async () => (await deliveredTo(email)).map((e) => e.subject)).toContain(`Eich llythyr at Matt Rodda: ${sent.subject}`)
})

test('Gwen’s call is counted from the Welsh page and thanked in Welsh', async ({ page }) => {
  await page.goto('/cy/write')
  await page.getByLabel('Cod post').fill('RG1 1AA')
  await page.getByRole('button', { name: 'Dod o hyd i’m AS' }).click()
  await page.getByTestId('call-panel').getByRole('button', { name: 'Rwyf wedi ffonio' }).click()
  await expect(page).toHaveURL(/\/cy\/write\/called\?mp=4654$/)
  await expect(page.getByRole('heading', { name: 'Diolch am ffonio Matt Rodda' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Ysgrifennwch at eich AS hefyd' })).toHaveAttribute('href', '/cy/write')
  await expectAccessible(page)
})
