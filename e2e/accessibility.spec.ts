import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'

for (const path of ['/', '/petition/signed', '/petition/thanks', '/privacy', '/accessibility', '/petition/confirm/not-a-real-token', '/write/confirm/not-a-real-token', '/write/sent?held=1']) {
  test(`${path} has no serious accessibility problems`, async ({ page }) => {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectAccessible(page)
  })
}

test('the petition form can be used with the keyboard alone', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Full name').focus()
  await page.keyboard.type('Kim Lee')
  await page.keyboard.press('Tab')
  await page.keyboard.type('kim@example.org')
  await page.keyboard.press('Tab')
  await page.keyboard.type('SW1A 1AA')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel(/Email me updates/)).toBeFocused()
})
