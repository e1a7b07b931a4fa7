import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { deliveredTo, firstAppLink, lettersFrom, uniqueEmail, waitForEmail } from './support/mailbox'
import { waitForMpDirectory } from './support/campaign'
import { appUrl } from './support/ports'

const MP = 'matt.rodda.mp@parliament.uk'
const OWN_WORDS = 'My daughter is twelve and already gets messages from people she has never met. I want the apps she uses to have to think about her safety.'

async function findMp(page: Page, postcode: string) {
  await page.getByLabel('Postcode').fill(postcode)
  await page.getByRole('button', { name: 'Find my MP' }).click()
}

test.beforeAll(waitForMpDirectory)

test('Priya finds her MP, makes the letter her own, confirms it, and it reaches her MP once', async ({ page }) => {
  const email = uniqueEmail('priya')
  await page.goto('/')
  await page.getByRole('link', { name: 'Email your MP' }).first().click()
  await expect(page).toHaveURL(/\/write$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Email your MP' })).toBeVisible()
  await expectAccessible(page)

  await findMp(page, 'rg1 1aa')
  const mpHeading = page.getByRole('heading', { name: 'Your MP is Matt Rodda (Labour), MP for Reading Central' })
  await expect(mpHeading).toBeVisible()
  await expect(mpHeading).toBeFocused()
  await expect(page.getByLabel('Postcode')).toHaveValue('RG1 1AA')
  await expect(page.getByLabel('Town or city')).toHaveValue('Reading')
  await expectAccessible(page)

  // The meter starts at 0% for the draft as it is, and rises as she adds her own words.
  const meter = page.getByRole('meter', { name: 'Your own words' })
  await expect(meter).toHaveAttribute('value', '0')
  const letter = page.getByLabel('Your letter')
  const draft = await letter.inputValue()
  expect(draft).toMatch(/^Dear Matt Rodda,/)
  await letter.fill(draft.replace('Please ask the Prime Minister', `${OWN_WORDS}\n\nPlease ask the Prime Minister`))
  await expect.poll(async () => Number(await meter.getAttribute('value'))).toBeGreaterThan(5)

  await page.getByLabel('Full name').fill('Priya Shah')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Address line 1').fill('12 Castle Street')
  await page.getByRole('button', { name: 'Preview my letter' }).click()

  await expect(page.getByRole('heading', { name: 'Check your letter to Matt Rodda' })).toBeVisible()
  await expect(page.getByText('"Priya Shah via Duty of Care" <campaign@')).toBeVisible()
  await expect(page.getByText(OWN_WORDS)).toBeVisible()
  await expect(page.getByText(/at the request of Priya Shah, your constituent in Reading Central/)).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Send my letter' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  await expectAccessible(page)

  const confirmation = await waitForEmail(email)
  expect(confirmation.subject).toBe('Confirm your letter to Matt Rodda')
  // The email says who the letter is for, not what it says: it is read on the page behind the link.
  expect(confirmation.text).toContain('Matt Rodda, MP for Reading Central')
  expect(confirmation.text).not.toContain(OWN_WORDS)
  expect(await lettersFrom(email, MP)).toHaveLength(0)

  await page.goto(firstAppLink(confirmation, appUrl))
  await expect(page.getByRole('heading', { name: 'Send your letter to Matt Rodda' })).toBeVisible()
  await expect(page.getByText(OWN_WORDS)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send my letter to Matt Rodda' }).click()
  await expect(page.getByRole('heading', { name: /your letter is on its way/ })).toBeVisible()
  await expectAccessible(page)

  await expect.poll(async () => (await lettersFrom(email, MP)).length, { timeout: 15_000 }).toBe(1)
  const [sent] = await lettersFrom(email, MP)
  expect(sent.from).toBe('"Priya Shah via Duty of Care" <campaign@dutyofcare.localhost>')
  expect(sent.text).toMatch(/^Priya Shah\n12 Castle Street\nReading\nRG1 1AA\n/)
  expect(sent.text).toContain(OWN_WORDS)
  expect(sent.text).toContain('at the request of Priya Shah')
  await expect.poll(async () => (await deliveredTo(email)).map((e) => e.subject)).toContain(`Your letter to Matt Rodda: ${sent.subject}`)

  // The link opened again sends nothing more.
  await page.goto(firstAppLink(confirmation, appUrl))
  await expect(page.getByRole('heading', { name: 'Your letter has already been sent' })).toBeVisible()
  await page.waitForTimeout(3_000)
  expect(await lettersFrom(email, MP)).toHaveLength(1)
})

test('Priya signs the petition, then writes to her MP without typing her details again', async ({ page }) => {
  const email = uniqueEmail('priya.signs')
  await page.goto('/')
  await page.getByLabel('Full name').fill('Priya Patel')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Postcode').fill('CF24 0AA')
  await page.getByRole('button', { name: /Sign/ }).click()
  await page.goto(firstAppLink(await waitForEmail(email), appUrl))
  await page.getByRole('button', { name: 'Confirm my signature' }).click()
  await expect(page.getByRole('heading', { name: /your signature is confirmed/ })).toBeVisible()
  await page.getByRole('link', { name: 'Email your MP' }).last().click()

  await expect(page.getByLabel('Postcode')).toHaveValue('CF24 0AA')
  await page.getByRole('button', { name: 'Find my MP' }).click()
  await expect(page.getByRole('heading', { name: 'Your MP is Jo Stevens (Labour), MP for Cardiff East' })).toBeVisible()
  await expect(page.getByLabel('Full name')).toHaveValue('Priya Patel')
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email)
  await expect(page.getByLabel('Your letter')).toHaveValue(/Yours sincerely,\nPriya Patel$/)
})
