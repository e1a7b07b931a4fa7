// Nadia's employer runs a mail filter that opens every link in every email
// before she sees it, as often as it likes, with GET and HEAD (and, being
// clever, React Router's data URL too). Nothing it does may confirm her
// signature, send a letter in her name, answer her survey, erase or
// unsubscribe her, or leave a cookie. Her own press of each page's button does.
import { expect, test } from '@playwright/test'
import crypto from 'node:crypto'
import { expectAccessible } from './support/axe'
import { appDatabaseUrl, confirmFromEmail, inDatabase, sign, waitForMpDirectory } from './support/campaign'
import { deliveredTo, firstAppLink, lettersFrom, uniqueEmail } from './support/mailbox'
import { appUrl } from './support/ports'

const MP = 'matt.rodda.mp@parliament.uk'
const OWN_WORDS = 'I work in children’s services in Reading and I see what happens when apps are built with nobody thinking about safety.'

/** Opens a link the way mail filters do; returns every response's status. Not one may set a cookie. */
async function scan(link: string) {
  const dataUrl = new URL(link)
  dataUrl.pathname += '.data'
  const statuses: number[] = []
  for (const [method, url] of [['GET', link], ['HEAD', link], ['GET', link], ['HEAD', link], ['GET', dataUrl.href]] as const) {
    const response = await fetch(url, { method, redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (compatible; SafeLinkScanner/2.1)', accept: 'text/html' } })
    await response.arrayBuffer()
    expect(response.headers.get('set-cookie'), `${method} ${url}`).toBeNull()
    expect(response.status, `${method} ${url}`).toBeLessThan(500)
    statuses.push(response.status)
  }
  return statuses
}

/** The newest email to `address` whose subject matches, once it has arrived. */
async function emailTo(address: string, subject: RegExp) {
  let found: Awaited<ReturnType<typeof deliveredTo>> = []
  await expect.poll(async () => (found = (await deliveredTo(address)).filter((e) => subject.test(e.subject))).length, { timeout: 15_000 }).toBeGreaterThan(0)
  return found.at(-1)!
}

test.beforeAll(waitForMpDirectory)

async function writeToMatt(name: string, email: string) {
  const response = await fetch(`${appUrl}/write/send`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      mpId: '4654',
      subject: 'Please back a Duty of Care',
      body: `Dear Matt Rodda,\n\n${OWN_WORDS}\n\nPlease back a legal Duty of Care on tech companies.\n\nYours sincerely,\n${name}`,
      name,
      email,
      addressLine1: '4 Oxford Road',
      town: 'Reading',
      postcode: 'RG1 1AA',
    }),
  })
  expect(response.status, 'requesting the letter').toBe(303)
}

test('opening the petition link changes nothing and sets no cookie; the button on its page confirms', async ({ page }) => {
  const nadia = uniqueEmail('nadia')
  await sign({ name: 'Nadia Haddad', email: nadia })
  const link = firstAppLink(await emailTo(nadia, /Confirm your signature/), appUrl)
  expect(link).toMatch(/\/petition\/confirm\/[\w-]{43}$/)
  const database = await appDatabaseUrl(nadia)
  const state = async () => (await inDatabase(database, (db) => db.query('SELECT state FROM "Signature" WHERE email = $1', [nadia]))).rows[0].state

  expect(await scan(link)).toEqual([200, 200, 200, 200, 200])
  expect(await state()).toBe('pending')

  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Confirm your signature' })).toBeVisible()
  await expectAccessible(page)
  expect(await state()).toBe('pending')
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('supporter')
  await page.getByRole('button', { name: 'Confirm my signature' }).click()
  await expect(page.getByRole('heading', { name: /your signature is confirmed/ })).toBeVisible()
  expect(await state()).toBe('validated')
  expect((await page.context().cookies()).map((c) => c.name)).toContain('supporter')

  // Reopened later, by her or by whoever has the email: it says so, and sets no cookie that would fill in /write with her details.
  await page.context().clearCookies()
  await scan(link)
  await page.goto(link)
  await expect(page.getByRole('heading', { name: /already confirmed/ })).toBeVisible()
  expect(await page.context().cookies()).toEqual([])
  await page.goto('/write')
  await page.getByLabel('Postcode').fill('RG1 1AA')
  await page.getByRole('button', { name: 'Find my MP' }).click()
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('')
})

test('opening the letter and survey links sends and records nothing; each page shows what its button does, and the button does it once', async ({ page }) => {
  const nadia = uniqueEmail('nadia.writes')
  await sign({ name: 'Nadia Haddad', email: nadia }) // her signature finds the app's database for the checks below
  const database = await appDatabaseUrl(nadia)
  const letter = async () =>
    (await inDatabase(database, (db) => db.query('SELECT id, state, "replyStatus" FROM "Letter" WHERE email = $1', [nadia]))).rows[0] as { id: string; state: string; replyStatus: string | null }
  const toMatt = () => lettersFrom(nadia, MP)

  await writeToMatt('Nadia Haddad', nadia)
  const confirmation = await emailTo(nadia, /Confirm your letter/)
  expect(confirmation.text).not.toContain(OWN_WORDS)
  const link = firstAppLink(confirmation, appUrl)
  expect(link).toMatch(/\/write\/confirm\/[\w-]{43}$/)
  await scan(link)
  await page.waitForTimeout(2_000) // time enough for the worker to have sent anything queued
  expect((await letter()).state).toBe('pending')
  expect(await toMatt()).toHaveLength(0)

  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Send your letter to Matt Rodda' })).toBeVisible()
  await expect(page.getByText(OWN_WORDS)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send my letter to Matt Rodda' }).click()
  await expect(page.getByRole('heading', { name: /your letter is on its way/ })).toBeVisible()
  await expect.poll(async () => (await toMatt()).length, { timeout: 15_000 }).toBe(1)
  await scan(link)
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Your letter has already been sent' })).toBeVisible()
  await page.waitForTimeout(2_000)
  expect(await toMatt()).toHaveLength(1)

  // Two weeks on, the survey (its token set here, as the hourly job would).
  const token = crypto.randomBytes(32).toString('base64url')
  const { id } = await letter()
  await inDatabase(database, (db) =>
    db.query(`UPDATE "Letter" SET "surveyTokenHash" = $1, "surveySentAt" = now() WHERE id = $2`, [crypto.createHash('sha256').update(token).digest('hex'), id]),
  )
  const survey = `${appUrl}/write/reply/${token}?answer=no_reply`
  await scan(survey)
  await scan(`${appUrl}/write/reply/${token}?answer=replied`)
  expect((await letter()).replyStatus).toBeNull()
  await page.goto(survey)
  await expect(page.getByRole('heading', { name: 'Did Matt Rodda reply to your letter?' })).toBeVisible()
  await expectAccessible(page)
  expect((await letter()).replyStatus).toBeNull()
  await page.getByRole('button', { name: 'No reply yet' }).click()
  await expect(page.getByRole('heading', { name: 'Thank you for telling us' })).toBeVisible()
  expect((await letter()).replyStatus).toBe('no_reply')
  await scan(`${appUrl}/write/reply/${token}?answer=replied`)
  expect((await letter()).replyStatus).toBe('no_reply')
})

test('opening the data and unsubscribe links erases and unsubscribes nobody', async () => {
  const nadia = uniqueEmail('nadia.data')
  await sign({ name: 'Nadia Haddad', email: nadia })
  await confirmFromEmail(nadia)
  const database = await appDatabaseUrl(nadia)
  const signature = async () =>
    (await inDatabase(database, (db) => db.query('SELECT id, name, "unsubscribedAt", "anonymisedAt" FROM "Signature" WHERE email = $1', [nadia]))).rows[0]

  const asked = await fetch(`${appUrl}/my-data`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: nadia }) })
  expect(asked.status).toBe(303)
  const dataLink = firstAppLink(await emailTo(nadia, /Your data/), appUrl)
  expect(dataLink).toMatch(/\/my-data\/[\w-]{43}$/)
  await scan(dataLink)
  await scan(`${dataLink}/download`)
  expect(await signature()).toMatchObject({ name: 'Nadia Haddad', anonymisedAt: null })

  // A campaign update's unsubscribe link (its token set here, as a mailshot would).
  const token = crypto.randomBytes(32).toString('base64url')
  const { id } = await signature()
  await inDatabase(database, (db) =>
    db.query(
      `INSERT INTO "Email" (id, kind, "to", subject, template, data, status, "signatureId", "linkTokenHash", "updatedAt")
       VALUES (gen_random_uuid(), 'campaign_update', $1, 'News', 'campaign-update', '{}'::jsonb, 'sent', $2, $3, now())`,
      [nadia, id, crypto.createHash('sha256').update(token).digest('hex')],
    ),
  )
  const unsubscribe = `${appUrl}/unsubscribe/${token}`
  expect(await scan(unsubscribe)).toEqual([200, 200, 200, 200, 200])
  expect((await signature()).unsubscribedAt).toBeNull()
  // Her mail client's RFC 8058 one-click POST is the action.
  const oneClick = await fetch(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
  expect(oneClick.status).toBe(200)
  expect((await signature()).unsubscribedAt).not.toBeNull()
})
