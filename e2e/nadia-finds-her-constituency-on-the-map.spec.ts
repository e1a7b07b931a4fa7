// The constituency map, a seat page, share cards and the home page's script budget.
import { expect, test, type Page } from '@playwright/test'
import { javaScriptOfHtml } from '../scripts/bench/client-manifest'
import { expectAccessible } from './support/axe'
import { signAndConfirm, signIn } from './support/campaign'
import { uniqueEmail } from './support/mailbox'
import { appUrl } from './support/ports'

const READING = 'E14001438'

async function readingCount(): Promise<number> {
  const json = (await (await fetch(`${appUrl}/petition.json`)).json()) as { signatures_by_constituency: { ons_code: string; signature_count: number }[] }
  return json.signatures_by_constituency.find((c) => c.ons_code === READING)?.signature_count ?? 0
}

const plural = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'signature' : 'signatures'}`

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('Nadia finds Reading Central on the map, then its page', async ({ page }) => {
    const before = await readingCount()
    await signAndConfirm({ name: 'Nadia Rahman', email: uniqueEmail('nadia'), postcode: 'RG1 2LU' })
    // The worker places her by postcode, then the count catches up.
    await expect.poll(readingCount, { timeout: 20_000 }).toBeGreaterThan(before)
    const count = await readingCount()

    const reading = page.getByRole('link', { name: `Reading Central: ${plural(count)}`, exact: true })
    // The public map is cached for a second, like /: a page drawn just before the count moved is reloaded.
    await expect(async () => {
      await page.goto('/map')
      await expect(reading).toHaveAttribute('href', `/map/${READING}`, { timeout: 1_000 })
    }).toPass({ timeout: 15_000 })
    await expect(page.getByRole('heading', { level: 1, name: 'Support in every constituency' })).toBeVisible()
    expect(await page.locator('script').count()).toBe(0)
    const hexes = page.locator('svg a')
    await expect(hexes).toHaveCount(650)
    await expect(page.getByRole('link', { name: 'Orkney and Shetland: no signatures yet', exact: true })).toHaveAttribute('href', '/map/S14000051')
    await expect(page.getByText('Hex layout: Open Innovations')).toBeVisible()
    await expect(page.getByText('No signatures yet', { exact: true })).toBeVisible()

    // The table is the map's text alternative, searchable with a plain GET form.
    await expect(page.locator('tbody tr')).toHaveCount(650 + 4)
    await page.getByLabel('Find a constituency').fill('glyndwr')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/map\?q=glyndwr$/)
    await expect(page.getByRole('status')).toHaveText(/1 of 650 constituencies match “glyndwr”/)
    await expect(page.getByRole('link', { name: 'Montgomeryshire and Glyndŵr', exact: true })).toHaveAttribute('href', '/map/W07000102')

    await reading.click()
    await expect(page).toHaveURL(`${appUrl}/map/${READING}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Reading Central' })).toBeVisible()
    await expect(page.getByTestId('seat-count')).toHaveText(count.toLocaleString('en-GB'))
    await expect(page.getByText(/of the 650 constituencies/)).toBeVisible()
    await expect(page.getByText('Matt Rodda', { exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Email your MP' }).last()).toHaveAttribute('href', '/write')
    await expect(page.getByRole('link', { name: 'Sign the petition' }).last()).toHaveAttribute('href', '/#sign')
    // Share links carry their channel; without JavaScript the link is there to select, with no dead copy button.
    const whatsapp = await page.getByRole('link', { name: /Share on WhatsApp/ }).getAttribute('href')
    expect(decodeURIComponent(whatsapp!)).toContain(`${appUrl}/map/${READING}?utm_source=whatsapp&utm_medium=share`)
    await expect(page.getByLabel('Or copy the link')).toHaveValue(`${appUrl}/map/${READING}?utm_source=link&utm_medium=share`)
    await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0)

    const missing = await page.goto('/map/E99999999')
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  })
})

test('the map and a seat page pass axe, and the copy button works with JavaScript', async ({ page, context }) => {
  // axe checks 650 links and a 650-row table: slow on a busy 2-core machine.
  test.setTimeout(180_000)
  // The whole map, and the table with the same markup as the full one (fewer rows: axe is slow).
  await page.goto('/map?q=Reading')
  await expectAccessible(page)
  // A keyboard user reaches the hexes and sees where they are.
  await page.locator('svg a').first().focus()
  await expect(page.locator('svg a').first()).toBeFocused()

  await page.goto(`/map/${READING}`)
  await expectAccessible(page)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible()
})

async function shareCard(page: Page, path: string) {
  await page.goto(path)
  const meta = async (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content')
  return { image: await meta('og:image'), url: await meta('og:url'), title: await meta('og:title'), card: await meta('twitter:card') }
}

test('share cards on the campaign page, the map, a seat page and the thanks page', async ({ page }) => {
  for (const [path, url] of [['/', '/'], ['/map', '/map'], [`/map/${READING}`, `/map/${READING}`], ['/petition/thanks', '/']]) {
    const card = await shareCard(page, path)
    expect(card.card, path).toBe('summary_large_image')
    expect(card.url, path).toBe(`${appUrl}${url}`)
    expect(card.title, path).toBeTruthy()
    expect(card.image, path).toMatch(new RegExp(`^${appUrl}/og/(campaign|seat-${READING})\\.png\\?n=\\d+$`))
    const image = await fetch(card.image!)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(image.headers.get('cache-control')).toBe('public, max-age=60')
    const png = Buffer.from(await image.arrayBuffer())
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([1200, 630])
    const again = await fetch(card.image!, { headers: { 'if-none-match': image.headers.get('etag')! } })
    expect(again.status).toBe(304)
  }
})

test('the home page still ships at most 120 KB of JavaScript (gzip)', async () => {
  const html = await (await fetch(`${appUrl}/`, { headers: { accept: 'text/html' } })).text()
  const js = javaScriptOfHtml(html)
  console.info(js.files.map((f) => `${f.file}: ${f.gzip} B gzip`).join('\n'), `\ntotal ${js.gzip} B gzip`)
  expect(js.gzip).toBeLessThanOrEqual(120 * 1024)
})

test('Carla switches the dashboard’s map between signatures and letters', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page)
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Map' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Map of support' })).toBeVisible()
  const map = page.getByRole('group', { name: /Hex map of the 650 constituencies by confirmed signatures/ })
  await expect(map.getByRole('link')).toHaveCount(650)
  await expect(map.getByRole('link', { name: /^Reading Central: \d+ signatures?$/ })).toHaveAttribute('href', `/admin/constituencies?q=${READING}`)
  await expect(page.getByRole('rowheader', { name: /Northern Ireland/ })).toBeVisible()
  await page.getByRole('link', { name: 'Letters to MPs' }).click()
  await expect(page).toHaveURL(/\/admin\/map\?show=letters$/)
  const letters = page.getByRole('group', { name: /by letters to MPs/ })
  await expect(letters.getByRole('link', { name: 'Orkney and Shetland: no letters yet', exact: true })).toBeVisible()
  await expectAccessible(page)
})
