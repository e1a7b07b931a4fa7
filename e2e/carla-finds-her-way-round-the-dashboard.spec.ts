// Carla's dashboard has its own frame and says why a list is empty (decision 097).
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { signIn } from './support/campaign'

test('the dashboard has its own header and footer, no public footer, and MP targets search says when nothing matches', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page)
  await expect(page.getByRole('banner')).toContainText('campaign dashboard')
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  await expect(page.getByRole('contentinfo')).toContainText('Campaign dashboard of Duty of Care Test Charity')
  await expect(page.getByRole('contentinfo')).not.toContainText('How we use your data')
  await page.goto('/admin/mps?q=Nowhere%20At%20All')
  await expect(page.getByText('No MP or constituency matches “Nowhere At All”.')).toBeVisible()
  await page.goto('/admin/mps?page=999')
  await expect(page.getByRole('heading', { level: 1, name: 'MP targets' })).toBeVisible()
  await expect(page.getByText(/^\d+ MPs\.$/)).toBeVisible()
  await expectAccessible(page)
})
