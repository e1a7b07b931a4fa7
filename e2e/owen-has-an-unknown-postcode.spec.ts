import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { appUrl } from './support/ports'

test.beforeAll(async () => {
  // The worker syncs the MP directory from the Members API stub when it first starts.
  await expect
    .poll(
      async () =>
        (await fetch(`${appUrl}/write`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'postcode=RG1+1AA' })).status,
      { timeout: 30_000 },
    )
    .toBe(200)
})

test('Owen’s postcode is unknown, then has no MP, then each seat gets a clear answer', async ({ page }) => {
  await page.goto('/write')
  const postcode = page.getByLabel('Postcode')
  const find = page.getByRole('button', { name: 'Find my MP' })

  await postcode.fill('ZZ99 9ZZ')
  await find.click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('We could not find the postcode ZZ99 9ZZ')
  await expect(summary).toBeFocused()
  await expect(postcode).toHaveAttribute('aria-invalid', 'true')
  await expect(postcode).toHaveValue('ZZ99 9ZZ')
  await expectAccessible(page)

  await postcode.fill('not a postcode')
  await find.click()
  await expect(page.getByRole('alert')).toContainText('Enter a real UK postcode')

  await postcode.fill('JE2 3AB')
  await find.click()
  await expect(page.getByRole('heading', { name: 'JE2 3AB has no MP at Westminster' })).toBeVisible()
  await expectAccessible(page)

  await postcode.fill('PR7 1DP')
  await find.click()
  await expect(page.getByRole('heading', { name: 'Your MP is Sir Lindsay Hoyle (Speaker), MP for Chorley' })).toBeVisible()
  await expect(page.getByText(/We are not sending campaign letters to Sir Lindsay Hoyle/)).toBeVisible()
  await expect(page.getByText(/The Speaker is politically impartial/)).toBeVisible()
  await expect(page.getByLabel('Full name')).toHaveCount(0)
  await expectAccessible(page)

  await postcode.fill('HP6 5AA')
  await find.click()
  await expect(page.getByRole('heading', { name: 'Chesham and Amersham has no MP at the moment' })).toBeVisible()
  await expectAccessible(page)

  await postcode.fill('GU11 1AA')
  await find.click()
  await expect(page.getByRole('heading', { name: 'Your MP is Alex Baker (Labour), MP for Aldershot' })).toBeVisible()
})
