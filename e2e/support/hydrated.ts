// Waiting for React to take over a server-rendered page: until it has, a click or a faked clock reaches
// nothing that React set up (its effects, such as the count's 20-second refresh, have not run yet).
import { expect, type Page } from '@playwright/test'

/** Resolves once an element matching `selector` carries React's own properties (polled from here, not in the page, so a page with Playwright's fake clock still works). */
export async function hydrated(page: Page, selector = '#sign form') {
  await expect
    .poll(() => page.evaluate((s) => [...document.querySelectorAll(s)].some((e) => Object.keys(e).some((key) => key.startsWith('__reactFiber'))), selector), {
      message: `React hydrates ${selector}`,
    })
    .toBe(true)
}
