// Grace will not give her name to a site until she knows who is behind it (decision 094).
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { e2eOrganisation as org } from './support/organisation'

for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport })

    test('every page’s footer says who runs the campaign, and links the privacy notice and accessibility statement', async ({ page }) => {
      for (const path of ['/', '/write', '/map', '/privacy']) {
        await page.goto(path)
        const footer = page.getByRole('contentinfo')
        await expect(footer, path).toContainText(`Run by ${org.ORGANISATION_NAME}, ${org.ORGANISATION_ADDRESS}. Registered charity number ${org.CHARITY_NUMBER}.`)
        await expect(footer.getByRole('link', { name: org.ORGANISATION_NAME })).toHaveAttribute('href', org.ORGANISATION_URL)
        await expect(footer.getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute('href', '/accessibility')
      }
    })

    test('the privacy notice names the data controller, its contact and the right to complain to the ICO', async ({ page }) => {
      await page.goto('/privacy')
      const notice = page.getByRole('main')
      await expect(notice.getByRole('heading', { name: 'Who we are' })).toBeVisible()
      await expect(notice).toContainText(`${org.ORGANISATION_NAME} is the data controller`)
      await expect(notice).toContainText(`registered charity number ${org.CHARITY_NUMBER}`)
      await expect(notice.getByRole('link', { name: org.PRIVACY_CONTACT_EMAIL }).first()).toHaveAttribute('href', `mailto:${org.PRIVACY_CONTACT_EMAIL}`)
      await expect(notice).toContainText('0303 123 1113')
      await expect(notice.getByRole('link', { name: /ico\.org\.uk/ })).toHaveAttribute('href', 'https://ico.org.uk/make-a-complaint/')
      await expectAccessible(page)
    })

    test('the accessibility statement says the standard, how it was tested, known issues, a contact and the enforcement procedure', async ({ page }) => {
      await page.goto('/')
      await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click()
      await expect(page).toHaveURL(/\/accessibility$/)
      await expect(page).toHaveTitle(/Accessibility statement/)
      const statement = page.getByRole('main')
      await expect(statement.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible()
      await expect(statement).toContainText('WCAG) 2.2 at level AA')
      for (const heading of ['How we tested it', 'Known issues', 'Tell us about a problem', 'Enforcement procedure']) {
        await expect(statement.getByRole('heading', { name: heading })).toBeVisible()
      }
      await expect(statement).toContainText('Equality and Human Rights Commission (EHRC)')
      await expect(statement.getByRole('link', { name: org.PRIVACY_CONTACT_EMAIL })).toBeVisible()
      await expectAccessible(page)
    })
  })
}
