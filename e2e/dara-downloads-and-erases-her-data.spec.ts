// Dara asks for her data by email link, downloads it, then erases it.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { signAndConfirm } from './support/campaign'
import { firstAppLink, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

test('Dara downloads a copy of her data and then erases it; the link dies with it', async ({ page }) => {
  const dara = uniqueEmail('dara')
  await signAndConfirm({ name: 'Dara Rights', email: dara })

  await page.goto('/privacy')
  await page.getByRole('link', { name: 'see or erase your data' }).click()
  await expect(page.getByRole('heading', { name: 'See or erase your data' })).toBeVisible()
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expect(page.getByRole('alert')).toContainText('Enter your email address')
  await expectAccessible(page)
  await page.getByLabel('Email').fill(dara)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()

  const link = firstAppLink(await waitForEmail(dara, { count: 2 }), appUrl)
  expect(link).toMatch(/\/my-data\/[A-Za-z0-9_-]{43}$/)
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible()
  await expect(page.getByText(/A signature on the petition, made on .* \(confirmed\)/)).toBeVisible()
  await expectAccessible(page)

  const download = await fetch(`${link}/download`)
  expect(download.headers.get('content-disposition')).toContain('attachment')
  const copy = (await download.json()) as { signature: { name: string; email: string; postcode: string } }
  expect(copy.signature).toMatchObject({ name: 'Dara Rights', email: dara, postcode: 'RG1 1AA' })

  await page.getByRole('button', { name: 'Erase my data' }).click()
  await expect(page.getByRole('alert')).toContainText('Tick the box')
  await page.getByLabel('I understand that erasing my data cannot be undone').check()
  await page.getByRole('button', { name: 'Erase my data' }).click()
  await expect(page.getByRole('heading', { name: 'Your data has been erased' })).toBeVisible()

  expect((await fetch(`${link}/download`)).status).toBe(404)
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'This link has expired or is not valid' })).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the request form answers the same for an unknown address, and shows errors', async ({ page }) => {
    await page.goto('/my-data')
    await page.getByLabel('Email').fill('not-an-address')
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await expect(page.getByRole('alert')).toContainText('correct format')
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
    await page.getByLabel('Email').fill(uniqueEmail('nobody'))
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  })
})
