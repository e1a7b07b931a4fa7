// Kofi's first visit: the campaign page's long prose (asks, figures, Emily's story, the help lines) comes in the
// HTML once and not again in the hydration data (decision 121), and still behaves like the rest of the page.
import { expect, test } from '@playwright/test'
import { hydrated } from './support/hydrated'
import { appUrl } from './support/ports'

const STORY = 'was 13. On Facebook and Snapchat'
const STORY_CY = 'yn 13 oed. Ar Facebook a Snapchat'

test('the story is in the page once, not again in its script data', async () => {
  for (const [path, story] of [['/', STORY], ['/cy', STORY_CY]]) {
    const html = await (await fetch(`${appUrl}${path}`, { headers: { accept: 'text/html' } })).text()
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
    expect(html.split(story).length - 1, path).toBe(1)
    expect(scripts, path).not.toContain(story)
    expect(scripts, path).not.toContain('10,119')
  }
})

test('Kofi opens the story, mistypes his email, and the page keeps what he opened', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    // The refused submission's 400 is the answer this test expects, not a problem.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text())
  })
  await page.goto('/')
  await hydrated(page)
  await expect(page.getByRole('heading', { name: 'A legal Duty of Care' })).toBeVisible()
  await page.getByText('Read Emily’s story').click()
  await expect(page.getByText(STORY)).toBeVisible()
  await expect(page.getByRole('link', { name: '0808 800 5000' })).toHaveAttribute('href', 'tel:08088005000')

  // A client-side submission (no new document: the marker survives) that the server refuses.
  await page.evaluate(() => Object.assign(window, { kofiWasHere: true }))
  await page.getByLabel('Full name').fill('Kofi Mensah')
  await page.getByLabel('Email', { exact: true }).fill('kofi@')
  await page.getByLabel('Postcode').fill('RG1 1AA')
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { kofiWasHere?: boolean }).kofiWasHere)).toBe(true)
  await expect(page.getByText(STORY)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'A legal Duty of Care' })).toBeVisible()
  expect(problems).toEqual([])
})

test('Kofi comes back to the campaign page from another page, without a page load', async ({ page }) => {
  await page.goto('/privacy')
  await hydrated(page, 'a')
  await page.evaluate(() => Object.assign(window, { kofiWasHere: true }))
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign the petition' }).click()
  await expect(page.getByRole('heading', { name: 'What the Online Harms Bill must do' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'A legal Duty of Care' })).toBeVisible()
  await expect(page.getByText(/^Source: NSPCC/)).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { kofiWasHere?: boolean }).kofiWasHere)).toBe(true)
})
