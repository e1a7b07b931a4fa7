// Eve's page posts our petition form (hidden, pre-filled with someone else's
// details) to the campaign from another site. React Router refuses any form
// whose Origin is not ours; the person who lands there gets a page that says
// what happened and what to do, and nothing is stored or sent.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { appDatabaseUrl, inDatabase, sign } from './support/campaign'
import { deliveredTo, uniqueEmail } from './support/mailbox'
import { appUrl } from './support/ports'

test('a form posted from another site gets a clear page, and no signature is stored', async ({ page }) => {
  const victim = uniqueEmail('eve.victim')
  const response = await fetch(`${appUrl}/?index`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', accept: 'text/html' },
    body: new URLSearchParams({ name: 'Victim Person', email: victim, postcode: 'RG1 1AA' }),
  })
  expect(response.status).toBe(403)
  expect(response.headers.get('content-type')).toContain('text/html')
  const html = await response.text()
  expect(html).toContain('<h1 class="text-3xl font-bold">We could not accept that form</h1>')
  expect(html).toContain('nothing has been recorded')
  expect(html).toContain('<a href="/">the Duty of Care campaign</a>')

  // The same post from a browser on another page: the page it shows is in the site's style, and accessible.
  await page.setContent(`<form method="post" action="${appUrl}/?index">
    <input name="name" value="Victim Person"><input name="email" value="${victim}"><input name="postcode" value="RG1 1AA">
    <button>Win a prize</button></form>`)
  await page.getByRole('button', { name: 'Win a prize' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'We could not accept that form' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'the Duty of Care campaign' }).click()
  await expect(page).toHaveURL(`${appUrl}/`)

  // Nothing stored, nothing sent: a signature made properly marks the app's database to look in.
  const marker = uniqueEmail('eve.marker')
  await sign({ name: 'Marker Person', email: marker })
  const database = await appDatabaseUrl(marker)
  const { rows } = await inDatabase(database, (db) => db.query('SELECT count(*)::int AS n FROM "Signature" WHERE email = $1', [victim]))
  expect(rows[0].n).toBe(0)
  await page.waitForTimeout(1_500)
  expect(await deliveredTo(victim)).toHaveLength(0)
})
