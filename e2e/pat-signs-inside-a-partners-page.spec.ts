// The embeddable widget on a partner's site: another origin (127.0.0.1 on its
// own port, a different site from the app's localhost) frames /embed/sign, and
// Pat signs inside the frame in a browser that blocks third-party cookies.
import { chromium, expect, test } from '@playwright/test'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expectAccessible } from './support/axe'
import { publicCount, signIn } from './support/campaign'
import { firstAppLink, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

let partnerSite: http.Server
let partnerUrl: string

test.beforeAll(async () => {
  // The partner's page: a plain HTML page on another origin with our snippets in it.
  partnerSite = http.createServer((req, res) => {
    const frame = req.url?.startsWith('/framing-home') ? `${appUrl}/` : `${appUrl}/embed/sign?partner=pat-news`
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="en"><head><title>Pat's news</title></head><body><h1>Pat's news</h1>
      <iframe id="widget" src="${frame}" title="Sign the Duty of Care petition" width="100%" height="900" style="border:0"></iframe></body></html>`)
  })
  await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve))
  partnerUrl = `http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => partnerSite.close(resolve))
})

test('Pat signs inside the widget on a partner’s page, with third-party cookies blocked', async () => {
  // Chromium's own switch for blocking third-party cookies (as in its "third-party cookie phase-out" test mode).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--test-third-party-cookie-phaseout'],
  })
  try {
    const page = await browser.newPage()
    await page.goto(partnerUrl)
    const widget = page.frameLocator('#widget')
    await expect(widget.getByRole('heading', { name: 'Add your name' })).toBeVisible()
    const frame = page.frames().find((f) => f.url().startsWith(`${appUrl}/embed/sign`))!
    // The frame is cross-site and really cannot use cookies.
    expect(await frame.evaluate(() => document.hasStorageAccess())).toBe(false)

    const email = uniqueEmail('pat')
    await widget.getByLabel('Full name').fill('Pat Partner')
    await widget.getByLabel('Email', { exact: true }).fill(email)
    await widget.getByLabel('Postcode').fill('CF24 0AA')
    await widget.getByRole('button', { name: /Sign/ }).click()
    await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible()
    expect(page.url()).toBe(`${partnerUrl}/`)
    expect(page.frames().some((f) => f.url() === `${appUrl}/embed/sign?signed=1&partner=pat-news`)).toBe(true)

    // Stored with its confirmation email (one statement), and confirmed like any other: the emailed
    // link's page, then its button (decision 055).
    const before = await publicCount()
    const link = firstAppLink(await waitForEmail(email), appUrl)
    expect(await (await fetch(link)).text()).toContain('Confirm my signature')
    expect((await fetch(link, { method: 'POST', redirect: 'manual' })).status).toBe(303)
    await expect.poll(publicCount, { timeout: 10_000 }).toBeGreaterThan(before)

    // Field errors work inside the frame too.
    await page.goto(partnerUrl)
    await widget.getByRole('button', { name: /Sign/ }).click()
    await expect(widget.getByRole('alert')).toContainText('There is a problem')
  } finally {
    await browser.close()
  }
})

test('only the widget may be framed: the campaign page refuses', async ({ page }) => {
  for (const path of ['/embed', '/embed/sign']) {
    const response = await fetch(`${appUrl}${path}`)
    expect(response.headers.get('content-security-policy'), path).toContain('frame-ancestors *')
    expect(response.headers.get('x-frame-options'), path).toBeNull()
    expect(response.headers.get('set-cookie'), path).toBeNull()
  }
  for (const path of ['/', '/map', '/map/E14001438', '/petition/thanks', '/admin/sign-in', '/embed/', '/embed/sign/extra']) {
    const response = await fetch(`${appUrl}${path}`)
    expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-frame-options'), path).toBe('DENY')
  }

  // In the browser: the partner's frame of "/" shows Chromium's "blocked" page, not the campaign.
  await page.goto(`${partnerUrl}/framing-home`)
  await page.waitForTimeout(1_000)
  const framed = page.frames().find((f) => f !== page.mainFrame())!
  expect(framed.url()).not.toBe(`${appUrl}/`)
  expect(await framed.evaluate(() => document.body?.innerText ?? '').catch(() => '')).not.toContain('Sign the petition')
})

test('the widget with its button: no scripts, no cookies, accessible', async ({ page }) => {
  await page.goto('/embed?partner=pat-news')
  await expect(page.getByTestId('signature-count')).toHaveText(/^\d[\d,]*$/)
  const sign = page.getByRole('link', { name: /Sign the petition/ })
  await expect(sign).toHaveAttribute('href', `${appUrl}/?partner=pat-news#sign`)
  await expect(sign).toHaveAttribute('target', '_blank')
  expect(await page.locator('script').count()).toBe(0)
  await expectAccessible(page)

  await page.goto('/embed/sign?partner=pat-news')
  expect(await page.locator('script').count()).toBe(0)
  await expectAccessible(page)
  // A partner code that is not one is dropped, never echoed.
  await page.goto('/embed/sign?partner=%3Cscript%3E')
  await expect(page.locator('form#sign-form')).toHaveAttribute('action', '/embed/sign')
  expect(await page.context().cookies()).toEqual([])
})

test('Carla copies the widget’s code for a partner and sees it live', async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: 'Embed on your site' }).click()
  await expect(page.getByRole('heading', { name: 'Embed on your site' })).toBeVisible()
  await page.getByLabel(/Partner code/).fill('not a code!')
  await page.getByRole('button', { name: 'Make the snippets' }).click()
  await expect(page.getByRole('alert')).toContainText('only letters, numbers, hyphens and underscores')
  await expect(page.getByLabel(/Partner code/)).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)

  await page.getByLabel(/Partner code/).fill('pat-news')
  await page.getByRole('button', { name: 'Make the snippets' }).click()
  await expect(page).toHaveURL(/\/admin\/embed\?partner=pat-news&language=en$/)
  const codes = page.getByLabel('Code to copy')
  await expect(codes).toHaveCount(2)
  await expect(codes.first()).toHaveValue(`<iframe src="${appUrl}/embed?partner=pat-news" title="Duty of Care petition: the count so far" width="100%" height="300" style="border:0;max-width:480px" loading="lazy"></iframe>`)
  await expect(codes.nth(1)).toHaveValue(new RegExp(`^<iframe src="${appUrl}/embed/sign\\?partner=pat-news"`))
  // The live preview is the widget itself.
  await expect(page.frameLocator('iframe[title^="Preview: Sign"]').getByRole('heading', { name: 'Add your name' })).toBeVisible()
  await expect(page.frameLocator('iframe[title^="Preview: Duty"]').getByTestId('signature-count')).toBeVisible()
  await expectAccessible(page)
})
