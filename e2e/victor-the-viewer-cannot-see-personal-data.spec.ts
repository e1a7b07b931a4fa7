import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { addCampaigner, appDatabaseUrl, sign, signIn } from './support/campaign'
import { uniqueEmail } from './support/mailbox'

test('Victor, a viewer, sees the figures but no supporter’s details, exports or moderation', async ({ page }) => {
  const supporter = { name: 'Private Person', email: uniqueEmail('private') }
  await sign(supporter)
  const database = await appDatabaseUrl(supporter.email)
  const victor = { email: uniqueEmail('victor'), password: 'viewer passphrase for victor' }

  // An admin adds him from the command line; he chooses his password from the one-time link.
  const link = addCampaigner(database, victor.email, 'viewer')
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('New password', { exact: true }).fill(victor.password)
  await page.getByLabel('New password again').fill(victor.password)
  await page.getByRole('button', { name: 'Save password' }).click()
  await expect(page.getByText('Your password is saved')).toBeVisible()
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible()

  await signIn(page, victor)
  await expect(page.getByText(/viewer: figures only/)).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Dashboard' })
  await expect(nav.getByRole('link', { name: 'Figures' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Exports' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Moderation' })).toHaveCount(0)
  await expect(page.locator('body')).not.toContainText(supporter.email)
  await expect(page.locator('body')).not.toContainText(supporter.name)
  await expectAccessible(page)

  for (const path of ['/admin/moderation?domain=example.org', '/admin/exports', '/admin/audit', '/admin/mps']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
    await expect(page.getByRole('heading', { name: 'You cannot open this page' })).toBeVisible()
    await expect(page.locator('body')).not.toContainText(supporter.email)
  }
  const csv = await page.request.get('/admin/exports/signatures.csv', { maxRedirects: 0 })
  expect(csv.status()).toBe(403)
  expect(await csv.text()).not.toContain(supporter.email)
  const figures = await page.request.get('/admin/figures.json')
  expect(figures.status()).toBe(200)
  expect(await figures.text()).not.toContain(supporter.email)
})
