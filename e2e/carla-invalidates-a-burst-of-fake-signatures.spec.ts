import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { publicCount, signAndConfirm, signIn } from './support/campaign'

test('Carla strikes out a burst of fake signatures and the public count drops; undoing puts them back', async ({ page }) => {
  const domain = `burst${Date.now()}.test`
  const fakes = Array.from({ length: 4 }, (_, i) => ({ name: `Bot Number ${i}`, email: `bot${i}@${domain}` }))
  for (const fake of fakes) await signAndConfirm(fake)
  // Let every confirmation so far reach the public count.
  await page.waitForTimeout(6_000)
  const before = await publicCount()

  await signIn(page)
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Moderation' }).click()
  await expect(page.getByRole('heading', { name: 'Trending in the last hour' })).toBeVisible()
  await page.getByLabel('Email domain').fill(domain)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('heading', { name: '4 signatures match' })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Strike out 4 signatures' }).click()
  await expect(page.getByRole('alert')).toContainText('Say why')
  await page.getByLabel('Reason').fill('Burst of sign-ups from a throwaway domain')
  await page.getByRole('button', { name: 'Strike out 4 signatures' }).click()
  await expect(page.getByText('Struck out 4 signatures')).toBeVisible()
  await expect.poll(publicCount, { timeout: 5_000 }).toBe(before - 4)

  await page.getByRole('button', { name: /Undo striking out 4 signatures/ }).click()
  await expect(page.getByText('Undone: they count again.')).toBeVisible()
  await expect.poll(publicCount, { timeout: 5_000 }).toBe(before)

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Audit log' }).click()
  await expect(page.getByRole('cell', { name: 'signatures.invalidate' })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'invalidation.revert' })).toBeVisible()
})
