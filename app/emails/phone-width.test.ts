// Every email fits a phone (decision 096): rendered in real Chromium at 390 px, nothing is wider
// than the screen, so a mail app never has to zoom out; and no email is wider than 600 px on a desktop.
import { chromium, type Browser } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailSamples } from './email-samples'
import { renderEmail, templates } from './templates.server'

let browser: Browser

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
})
afterAll(async () => {
  await browser?.close()
})

async function measure(html: string, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 844 } })
  try {
    await page.setContent(html)
    return await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      // The content column: the table React Email draws for the layout's Container (the one with a max-width).
      column: [...document.querySelectorAll('table')].find((t) => t.style.maxWidth)?.getBoundingClientRect().width ?? Infinity,
    }))
  } finally {
    await page.close()
  }
}

describe('emails on a phone', () => {
  for (const name of Object.keys(templates)) {
    it(`${name} fits a 390 px screen and is at most 600 px wide on a desktop`, async () => {
      const { html } = await renderEmail(name, emailSamples[name as keyof typeof emailSamples] as never)
      expect((await measure(html, 390)).scrollWidth).toBeLessThanOrEqual(390)
      expect((await measure(html, 1280)).column).toBeLessThanOrEqual(600)
    }, 60_000)
  }
})
