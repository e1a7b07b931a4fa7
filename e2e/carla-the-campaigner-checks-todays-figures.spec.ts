import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { ADMIN, publicCount, signAndConfirm, signIn } from './support/campaign'
import { uniqueEmail } from './support/mailbox'
import { appUrl } from './support/ports'

test('the dashboard and every export refuse anyone not signed in', async ({ page }) => {
  for (const path of ['/admin', '/admin/moderation', '/admin/exports', '/admin/audit', '/admin/exports/signatures.csv', '/admin/exports/constituencies.csv', '/admin/exports/letters-per-mp.csv']) {
    const response = await fetch(`${appUrl}${path}`, { redirect: 'manual' })
    expect(response.status, path).toBe(302)
    expect(response.headers.get('location'), path).toMatch(/^\/admin\/sign-in/)
    expect(response.headers.get('content-type') ?? '', path).not.toContain('text/csv')
  }
  const poll = await fetch(`${appUrl}/admin/figures.json`)
  expect(poll.status).toBe(401)

  await page.goto('/admin')
  await expect(page.getByRole('heading', { name: 'Sign in to the campaign dashboard' })).toBeVisible()
  await expectAccessible(page)
  // A wrong password and an unknown account get the same answer.
  for (const email of [ADMIN.email, 'nobody@campaign.test']) {
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('not the password at all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toContainText('The email address or password is not right.')
    await expect(page.getByLabel('Password')).toHaveValue('')
  }
  await expectAccessible(page)
})

test('Carla signs in and sees the same total as the public count, kept up to date while she watches', async ({ page }) => {
  await signIn(page)
  const confirmed = page.getByText('Confirmed signatures').locator('..').locator('dd').first()
  await expect.poll(async () => Number((await confirmed.textContent())?.replace(/,/g, '')), { timeout: 20_000 }).toBe(await publicCount())
  await expect(page.getByRole('heading', { name: 'Letters to MPs' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Letters to MPs' }).getByText(/of 650/)).toBeVisible()
  await expect(page.getByRole('img', { name: /Per hour, last 48 hours/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Milestones' })).toBeVisible()
  await expectAccessible(page)

  const before = await publicCount()
  await signAndConfirm({ name: 'Dana Fresh', email: uniqueEmail('dana') })
  await expect.poll(publicCount, { timeout: 15_000 }).toBeGreaterThan(before)
  // No reload: the page polls its figures.
  await expect
    .poll(async () => Number((await confirmed.textContent())?.replace(/,/g, '')), { timeout: 30_000 })
    .toBe(await publicCount())

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Constituencies' }).click()
  await page.getByLabel('Search by constituency, MP or ONS code').fill('Reading')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('rowheader', { name: /Reading Central/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('You have signed out.')).toBeVisible()
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/sign-in/)
})

test('Carla’s management pages are private, accessible, and record her changes', async ({ page }) => {
  await signIn(page)
  for (const [path, heading] of [
    ['/admin/constituencies', 'Constituencies'],
    ['/admin/exports', 'Exports'],
    ['/admin/moderation', 'Moderation'],
    ['/admin/letter-template', 'Letter template'],
    ['/admin/milestones', 'Milestones'],
    ['/admin/mps', 'MP targets'],
    ['/admin/audit', 'Audit log'],
  ]) {
    const response = await page.goto(path)
    expect(response?.headers()['cache-control'], path).toBe('private, no-store')
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expectAccessible(page)
  }

  await page.goto('/admin/letter-template')
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByRole('heading', { name: 'Preview (not saved yet)' })).toBeVisible()
  await expect(page.getByText(/^Dear Jane Example MP/)).toBeVisible()
  await expectAccessible(page)

  await page.goto('/admin/mps?q=Reading%20Central')
  const mp = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Reading Central/ }) })
  await mp.getByLabel('Email override').fill('constituency.office@example.org')
  await mp.getByRole('button', { name: 'Save address' }).click()
  await expect(page.getByText('Saved. The change is in the audit log.')).toBeVisible()
  await expect(mp.getByText('constituency.office@example.org (your override)')).toBeVisible()
  await mp.getByRole('button', { name: 'Use synced address' }).click()
  await expect(mp.getByText('(your override)')).toHaveCount(0)

  await page.goto('/admin/audit?action=mp-target')
  await expect(page.getByRole('cell', { name: 'mp-target.override' })).toHaveCount(2)
})

test('Carla sets the campaign’s close date, sees when supporters’ data goes, and reopens it', async ({ page }) => {
  await signIn(page)
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Closing the campaign' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Closing the campaign' })).toBeVisible()
  await page.getByLabel('Close date').fill('2001-01-01')
  await page.getByRole('button', { name: 'Set the close date' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: /Enter a later date/ })).toBeVisible()
  await expect(page.getByLabel('Close date')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)

  const close = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 15))
  await page.getByLabel('Close date').fill(close.toISOString().slice(0, 10))
  await page.getByRole('button', { name: 'Set the close date' }).click()
  await expect(page.getByText('The close date is saved.')).toBeVisible()
  await expect(page.getByText(`will be anonymised on 15 September ${close.getUTCFullYear()}`)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Reopen the campaign' }).click()
  await expect(page.getByText('The close date is cleared.')).toBeVisible()

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Suppressed addresses' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Suppressed addresses' })).toBeVisible()
  await expectAccessible(page)
  await page.goto('/admin/audit?action=campaign.')
  await expect(page.getByRole('cell', { name: 'campaign.close' })).toHaveCount(1)
  await expect(page.getByRole('cell', { name: 'campaign.reopen' })).toHaveCount(1)
})
