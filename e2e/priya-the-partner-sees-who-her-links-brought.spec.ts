// Priya runs a parenting newsletter and partners with the campaign. Her readers sign
// through her newsletter link (?utm_source=newsletter&utm_medium=email&partner=acme…)
// and through the widget framed on her site; one of them passes her own referral link
// to a friend, who signs without JavaScript. After confirmation, all three show on the
// dashboard's Sources page, and the referrer's thanks page counts the friend.
import { expect, test, type Page } from '@playwright/test'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expectAccessible } from './support/axe'
import { signIn } from './support/campaign'
import { firstAppLink, uniqueEmail, waitForEmail } from './support/mailbox'
import { appUrl } from './support/ports'

// Codes unique to this run, so the figures counted here are this scenario's alone.
const run = Math.random().toString(36).slice(2, 8)
const campaignCode = `dec-${run}`
const widgetPartner = `acme-widget-${run}`

let partnerSite: http.Server
let partnerUrl: string

test.beforeAll(async () => {
  partnerSite = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="en"><head><title>Acme parents</title></head><body><h1>Acme parents</h1>
      <iframe id="widget" src="${appUrl}/embed/sign?partner=${widgetPartner}" title="Sign the Duty of Care petition" width="100%" height="900" style="border:0"></iframe></body></html>`)
  })
  await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve))
  partnerUrl = `http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => partnerSite.close(resolve))
})

async function fillSignForm(form: Page | ReturnType<Page['frameLocator']>, name: string, email: string) {
  await form.getByLabel('Full name').fill(name)
  await form.getByLabel('Email', { exact: true }).fill(email)
  await form.getByLabel('Postcode').fill('RG1 1AA')
  await form.getByRole('button', { name: /Sign/ }).click()
}

/** Opens the emailed link in this page and presses its button, as the signer does. */
async function confirmInPage(page: Page, email: string) {
  await page.goto(firstAppLink(await waitForEmail(email), appUrl))
  await page.getByRole('button', { name: 'Confirm my signature' }).click()
  await expect(page.getByRole('heading', { name: /your signature is confirmed/ })).toBeVisible()
}

test('signatures from a newsletter link, a partner’s widget and a referral link all show on the Sources page', async ({ page, browser }) => {
  test.setTimeout(180_000) // four signers, three confirmations and the dashboard, on a shared machine
  // 1. A reader follows the newsletter link: the codes ride along in hidden fields, kept through a mistake.
  const reader = uniqueEmail('reader')
  await page.goto(`/?utm_source=newsletter&utm_medium=email&utm_campaign=${campaignCode}&partner=acme&ref=${'%3Cb%3E'}`)
  const hidden = page.locator('#sign-form input[type=hidden]')
  await expect(hidden).toHaveCount(4)
  await expect(page.locator('#sign-form input[name=partner]')).toHaveValue('acme')
  await fillSignForm(page, 'Rita Reader', 'not-an-email')
  await expect(page.getByRole('alert')).toContainText('There is a problem')
  await expect(page.locator('#sign-form input[name=utm_campaign]')).toHaveValue(campaignCode)
  await page.getByLabel('Email', { exact: true }).fill(reader)
  await page.getByRole('button', { name: /Sign/ }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await confirmInPage(page, reader)

  // Her thanks page gives her own link, and no one has used it yet.
  await expect(page.getByTestId('signed-through')).toContainText('Nobody has signed through your link yet')
  const shared = await page.getByLabel('Or copy the link').inputValue()
  expect(shared).toMatch(new RegExp(`^${appUrl}/\\?ref=[a-z2-7]{10}&utm_source=link&utm_medium=share$`))
  const code = new URL(shared).searchParams.get('ref')!
  await expect(page.getByRole('link', { name: /Share on WhatsApp/ })).toHaveAttribute('href', new RegExp(`ref%3D${code}`))
  expect((await page.request.get('/petition/thanks')).headers()['cache-control']).toBe('private, no-store')

  // 2. Someone signs inside the widget framed on the partner's site.
  const framed = uniqueEmail('framed')
  const partnerPage = await page.context().newPage()
  await partnerPage.goto(partnerUrl)
  const widget = partnerPage.frameLocator('#widget')
  await fillSignForm(widget, 'Wes Widget', framed)
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const confirmWidget = await fetch(firstAppLink(await waitForEmail(framed), appUrl), { method: 'POST', redirect: 'manual' })
  expect(confirmWidget.status).toBe(303)

  // 3. A friend opens the referral link without JavaScript and signs.
  const friendContext = await browser.newContext({ javaScriptEnabled: false })
  const friendPage = await friendContext.newPage()
  const friend = uniqueEmail('friend')
  await friendPage.goto(shared)
  await expect(friendPage.locator('#sign-form input[name=ref]')).toHaveValue(code)
  await fillSignForm(friendPage, 'Fran Friend', friend)
  await expect(friendPage.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await confirmInPage(friendPage, friend)
  await friendContext.close()

  // The reader's thanks page now counts the friend, naming no one.
  await page.goto('/petition/thanks')
  await expect(page.getByTestId('signed-through')).toHaveText('This link is yours: 1 person has signed through your link. Thank you for spreading the word.')

  // 4. Carla sees all three on the Sources page.
  const carlaContext = await browser.newContext()
  const carla = await carlaContext.newPage()
  await signIn(carla)
  await carla.getByRole('link', { name: 'Sources' }).click()
  await expect(carla.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible()
  const row = (table: string, value: string) => carla.getByRole('region', { name: table }).getByRole('row', { name: new RegExp(`^${value} `) })
  await expect(row('By Campaign (utm_campaign)', campaignCode)).toHaveText(new RegExp(`^${campaignCode}\\s*1\\s*0$`))
  await expect(row('By Partner (?partner=)', widgetPartner)).toHaveText(new RegExp(`^${widgetPartner}\\s*1\\s*0$`))
  await expect(row('By Partner (?partner=)', 'acme')).toBeVisible()
  await expect(row('By Source (utm_source)', 'newsletter')).toBeVisible()
  await expect(row('Referral links that brought most signatures', code)).toHaveText(new RegExp(`^${code}\\s*1$`))
  await expect(carla.getByTestId('referral-share')).toHaveText(/%$/)
  await expectAccessible(carla)

  // The same figures as a CSV (admins), codes only.
  const csv = await carla.request.get('/admin/exports/sources.csv', { headers: { referer: `${appUrl}/admin/sources` } })
  expect(csv.status()).toBe(200)
  const text = await csv.text()
  expect(text).toContain(`"Campaign (utm_campaign)","${campaignCode}",,1,0`)
  expect(text).toContain(`"Top referral codes","${code}",,1,`)
  expect(text).not.toContain('example')
  await carlaContext.close()
})
