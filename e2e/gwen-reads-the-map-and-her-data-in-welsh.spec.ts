// Gwen reads Welsh (decision 110, issue 11): the map, a seat page, the privacy notice, the accessibility statement
// and "see or erase your data" are Welsh under /cy, each passes axe, links stay within /cy, and the data link's
// email comes in Welsh. The English and Welsh map never share a copy in the server's page cache.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { signAndConfirm } from './support/campaign'
import { firstAppLink, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

const READING = 'E14001438'

test('Gwen reads the map and a seat page in Welsh', async ({ page }) => {
  await page.goto('/cy/map')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page).toHaveTitle('Cefnogaeth ym mhob etholaeth — deiseb Dyletswydd Gofal')
  await expect(page.getByRole('heading', { level: 1, name: 'Cefnogaeth ym mhob etholaeth' })).toBeVisible()
  const map = page.getByRole('group', { name: 'Map hecsagonau o 650 etholaeth y DU, pob un yn ddolen i’w thudalen' })
  await expect(map.getByRole('link')).toHaveCount(650)
  await expect(map.getByRole('link', { name: /^Reading Central: / })).toHaveAttribute('href', `/cy/map/${READING}`)
  await expect(page.getByRole('rowheader', { name: 'Cymru', exact: true })).toBeVisible()
  await expect(page.getByRole('rowheader', { name: 'Gogledd Iwerddon', exact: true })).toBeVisible()
  await expect(page.getByText('Cynllun hecsagonau: Open Innovations')).toBeVisible()
  await expectAccessible(page)

  // The search stays in Welsh; constituency names stay official.
  await page.getByLabel('Dod o hyd i etholaeth').fill('glyndwr')
  await page.getByRole('button', { name: 'Chwilio' }).click()
  await expect(page).toHaveURL(/\/cy\/map\?q=glyndwr/)
  await expect(page.getByRole('status')).toHaveText(/Mae 1 o’r 650 etholaeth yn cyfateb i “glyndwr”/)
  await page.getByRole('link', { name: 'Montgomeryshire and Glyndŵr', exact: true }).click()

  await expect(page).toHaveURL(`${appUrl}/cy/map/W07000102`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: 'Montgomeryshire and Glyndŵr' })).toBeVisible()
  await expect(page.getByText('Etholaeth Senedd y DU yng Nghymru (W07000102)')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Pob etholaeth' })).toHaveAttribute('href', '/cy/map')
  await expect(page.getByRole('link', { name: 'E-bostio eich AS' }).last()).toHaveAttribute('href', '/cy/write')
  await expect(page.getByRole('link', { name: 'Llofnodi’r ddeiseb' }).last()).toHaveAttribute('href', '/cy#sign')
  await expect(page.getByLabel('Neu copïwch y ddolen')).toHaveValue(/\/cy\/map\/W07000102\?utm_source=link/)
  await expectAccessible(page)
})

test('the English and Welsh maps never share a cached copy', async () => {
  // No cookies: the page cache may answer these (production serve). Asked back to back, each keeps its language.
  for (let i = 0; i < 3; i++) {
    const [english, welsh] = await Promise.all([fetch(`${appUrl}/map`).then((r) => r.text()), fetch(`${appUrl}/cy/map`).then((r) => r.text())])
    expect(english).toContain('<html lang="en-GB"')
    expect(english).toContain('Support in every constituency')
    expect(welsh).toContain('<html lang="cy"')
    expect(welsh).toContain('Cefnogaeth ym mhob etholaeth')
    expect(welsh).not.toContain('Support in every constituency</h1>')
  }
})

test('Gwen reads the privacy notice and the accessibility statement in Welsh', async ({ page }) => {
  await page.goto('/cy/privacy')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: 'Sut rydym yn defnyddio eich gwybodaeth' })).toBeVisible()
  await expect(page.getByText('rheolydd data')).toBeVisible()
  await expect(page.getByRole('link', { name: 'ico.org.uk/make-a-complaint' })).toHaveAttribute('href', 'https://ico.org.uk/make-a-complaint/')
  await expect(page.getByRole('link', { name: 'gweld neu ddileu eich data' })).toHaveAttribute('href', '/cy/my-data')
  await expectAccessible(page)

  await page.goto('/cy/accessibility')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: 'Datganiad hygyrchedd' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Gweithdrefn orfodi' })).toBeVisible()
  await expect(page.getByText(/WCAG\) 2\.2 ar lefel AA/)).toBeVisible()
  await expectAccessible(page)
})

test('Gwen asks for her data in Welsh and gets a Welsh email whose link opens the Welsh page', async ({ page }) => {
  const gwen = uniqueEmail('gwen-data')
  await signAndConfirm({ name: 'Gwen Data', email: gwen })

  await page.goto('/cy/my-data')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: 'Gweld neu ddileu eich data' })).toBeVisible()
  await page.getByRole('button', { name: 'E-bostiwch ddolen ataf' }).click()
  await expect(page.getByRole('alert')).toContainText('Mae problem')
  await expect(page.getByRole('alert').getByRole('link', { name: 'Rhowch eich cyfeiriad e-bost' })).toHaveAttribute('href', '#my-data-email')
  await expect(page).toHaveTitle(/^Gwall: /)
  await expectAccessible(page)
  await page.getByLabel('E-bost').fill(gwen)
  await page.getByRole('button', { name: 'E-bostiwch ddolen ataf' }).click()
  await expect(page.getByRole('heading', { name: 'Edrychwch ar eich e-bost' })).toBeVisible()
  await expect(page).toHaveURL(/\/cy\/my-data\?sent=1$/)
  await expectAccessible(page)

  const email = await waitForEmail(gwen, { count: 2 })
  expect(email.subject).toBe('Eich data sydd gan ymgyrch Dyletswydd Gofal')
  expect(email.html).toContain('Gweld fy nata')
  const link = firstAppLink(email, appUrl)
  expect(link).toMatch(/\/cy\/my-data\/[A-Za-z0-9_-]{43}$/)

  await page.goto(link)
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: 'Eich data' })).toBeVisible()
  await expect(page.getByText(/Llofnod ar y ddeiseb, a wnaed ar .* \(wedi’i gadarnhau/)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Dileu fy nata' }).click()
  await expect(page.getByRole('alert')).toContainText('Ticiwch y blwch')
  await expectAccessible(page)
  await page.getByLabel('Rwy’n deall na ellir dadwneud dileu fy nata').check()
  await page.getByRole('button', { name: 'Dileu fy nata' }).click()
  await expect(page.getByRole('heading', { name: 'Mae eich data wedi’i ddileu' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Yn ôl i’r ymgyrch' })).toHaveAttribute('href', '/cy')
})

test('an unsubscribe link opened under /cy answers in Welsh', async ({ page }) => {
  await page.goto(`/cy/unsubscribe/${'A'.repeat(43)}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: 'Nid yw’r ddolen dad-danysgrifio hon yn ddilys' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Yn ôl i’r ymgyrch' })).toHaveAttribute('href', '/cy')
  await expectAccessible(page)
})

test('a Welsh partner frames the widget with ?lang=cy: Welsh words, marked lang="cy", accessible', async ({ page }) => {
  await page.goto('/embed/sign?lang=cy&partner=papur-bro')
  const widget = page.locator('[lang="cy"]').first()
  await expect(widget.getByRole('heading', { name: 'Ychwanegwch eich enw' })).toBeVisible()
  await expect(widget.getByLabel('Enw llawn')).toBeVisible()
  await widget.getByRole('button', { name: 'Llofnodi’r ddeiseb' }).click()
  await expect(page.getByRole('alert')).toContainText('Rhowch eich enw llawn')
  await expect(page).toHaveURL(/\/embed\/sign\?lang=cy&partner=papur-bro$/)
  await expectAccessible(page)

  await page.goto('/embed?lang=cy&partner=papur-bro')
  await expect(page.getByRole('link', { name: /Llofnodi’r ddeiseb/ })).toHaveAttribute('href', `${appUrl}/cy?partner=papur-bro#sign`)
  await expectAccessible(page)
})
