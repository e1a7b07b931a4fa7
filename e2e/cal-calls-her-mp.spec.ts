// Cal would rather phone than write. After the postcode step on /write she finds her MP's
// office numbers as links her phone can dial, and a script with her MP and seat in it; she
// calls, presses "I called", and Carla the campaigner sees the call counted for Reading Central.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { ADMIN, waitForMpDirectory } from './support/campaign'
import { appUrl } from './support/ports'

test.beforeAll(waitForMpDirectory)

/** Signs Carla in (argon2 on a busy shared machine can take longer than an assertion's 5 s). */
async function signIn(page: Page) {
  await page.goto('/admin')
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Campaign figures' })).toBeVisible({ timeout: 30_000 })
}

/** Reading Central's calls in the dashboard's figures (what the open dashboard polls), 0 while it is not listed. */
async function readingCalls(page: Page) {
  const response = await page.request.get('/admin/figures.json')
  expect(response.status()).toBe(200)
  const figures = (await response.json()) as { calls: { topSeats: { onsCode: string; calls: number }[] } }
  return figures.calls.topSeats.find((s) => s.onsCode === 'E14001438')?.calls ?? 0
}

test('Cal calls her MP from /write, says so, and Carla sees the call counted for her seat', async ({ page, browser }) => {
  test.setTimeout(240_000) // two browsers and axe four times, on a shared machine
  const carlas = await browser.newContext()
  const carla = await carlas.newPage()
  await signIn(carla)
  await expect(carla.getByRole('heading', { name: 'Calls to MPs' })).toBeVisible()
  const before = await readingCalls(carla)

  await page.goto('/write')
  await page.getByLabel('Postcode').fill('RG1 1AA')
  await page.getByRole('button', { name: 'Find my MP' }).click()
  await expect(page.getByRole('heading', { name: 'Your MP is Matt Rodda (Labour), MP for Reading Central' })).toBeVisible()

  const panel = page.getByRole('complementary', { name: 'Or call your MP' })
  await expect(panel).toBeVisible()
  const westminster = panel.getByRole('link', { name: '020 7219 3000' })
  await expect(westminster).toHaveAttribute('href', 'tel:02072193000')
  await expect(panel.getByText('Westminster office (House of Commons)')).toBeVisible()
  const constituency = panel.getByRole('link', { name: '0118 496 0123' })
  await expect(constituency).toHaveAttribute('href', 'tel:01184960123')
  await expect(panel.getByText('Constituency office, in Reading Central')).toBeVisible()
  const script = panel.getByTestId('call-script')
  await expect(script).toContainText('I live in Reading Central')
  await expect(script).toContainText('I am calling to ask Matt Rodda to support an Online Harms Bill')
  await expectAccessible(page)

  await panel.getByRole('button', { name: 'I called' }).click()
  await expect(page).toHaveURL(/\/write\/called\?mp=4654$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for calling Matt Rodda' })).toBeVisible()
  await expect(page.getByText('We have counted your call for Reading Central.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'See how your constituency compares' })).toHaveAttribute('href', '/map/E14001438')
  await expectAccessible(page)

  // The dashboard remembers its figures for a few seconds: Carla looks again until the call shows.
  await expect.poll(() => readingCalls(carla), { timeout: 30_000, intervals: [1_000, 2_000, 3_000] }).toBe(before + 1)
  await carla.reload()
  const row = carla.getByRole('table', { name: 'Constituencies by calls to their MP' }).getByRole('row').filter({ has: carla.getByRole('rowheader', { name: 'Reading Central' }) })
  await expect(row.getByRole('cell')).toHaveText(['Matt Rodda', String(before + 1), /^\d+$/])
  await expect(carla.getByText('Calls made', { exact: true }).first()).toBeVisible()
  await expectAccessible(carla)
  await carlas.close()
})

test('without JavaScript, "I called" is a plain form that still counts the call', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/write')
  await page.getByLabel('Postcode').fill('RG1 2LU')
  await page.getByRole('button', { name: 'Find my MP' }).click()
  await page.getByRole('complementary', { name: 'Or call your MP' }).getByRole('button', { name: 'I called' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for calling Matt Rodda' })).toBeVisible()
  await context.close()
})

test('Carla previews a call script and is told plainly about a merge field she mistyped', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page)
  await page.getByRole('link', { name: 'Call script' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Call script' })).toBeVisible()
  const script = page.getByLabel('Call script')
  await expect(script).toHaveValue(/\{\{mp_name\}\}/)
  await expectAccessible(page)

  await script.fill('Hello, I live in {{constituency}}. Please ask {{mp}} to back a legal Duty of Care for tech companies.')
  await page.getByRole('button', { name: 'Preview' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('{{mp}}')
  await expectAccessible(page)

  await page.getByLabel('Call script').fill('Hello, I live in {{constituency}}. Please ask {{mp_name}} to back a legal Duty of Care for tech companies.')
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('call-script-preview')).toHaveText('Hello, I live in Reading Central. Please ask Jane Example MP to back a legal Duty of Care for tech companies.')
  await expectAccessible(page)
})

/** A datetime the moderation page reads as UK time: "2026-11-28 14:30". */
function ukMinute(at: Date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at)
}

test('Carla strikes out a burst of calls for Reading Central: they leave the counts, and come back when she undoes it', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page)
  const before = await readingCalls(page)
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${appUrl}/write/call`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'mpId=4654&seat=E14001438' })
    expect(response.status).toBe(303)
  }
  await expect.poll(() => readingCalls(page), { timeout: 30_000, intervals: [1_000, 2_000, 3_000] }).toBe(before + 5)

  await page.goto('/admin/moderation')
  await expect(page.getByRole('heading', { name: /^Bursts: 5 or more calls for one seat/ })).toBeVisible()
  await page.getByLabel('Constituency ONS code').fill('E14001438')
  await page.getByLabel('Calls from').fill(ukMinute(new Date(Date.now() - 60 * 60_000)))
  await page.getByLabel('Calls before').fill(ukMinute(new Date(Date.now() + 5 * 60_000)))
  await page.getByRole('button', { name: 'Find calls' }).click()
  const matches = page.getByTestId('call-matches')
  await expect(matches).toContainText(/^Reading Central: \d+ calls counting in that window/)
  const struck = Number((await matches.textContent())!.match(/: (\d+) calls/)![1])
  expect(struck).toBeGreaterThanOrEqual(5)
  await expectAccessible(page)

  // A reason is required, with the field's own message.
  await page.getByRole('button', { name: `Strike out ${struck} calls` }).click()
  await expect(page.getByRole('link', { name: 'Say why these calls are being struck out' })).toBeVisible()
  await page.getByLabel('Why these calls').fill('burst of presses for one seat in a minute')
  await page.getByRole('button', { name: `Strike out ${struck} calls` }).click()
  await expect(page.getByRole('status')).toHaveText(`Struck out ${struck} calls. They no longer count; you can undo this below.`)
  await expect.poll(() => readingCalls(page), { timeout: 30_000, intervals: [1_000, 2_000, 3_000] }).toBe(before + 5 - struck)
  await expectAccessible(page)

  await page.getByRole('button', { name: new RegExp(`^Undo striking out ${struck} calls for Reading Central`) }).click()
  await expect(page.getByRole('status')).toHaveText('Undone: those calls count again.')
  await expect.poll(() => readingCalls(page), { timeout: 30_000, intervals: [1_000, 2_000, 3_000] }).toBe(before + 5)
})
