import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { sign, signIn } from './support/campaign'
import { uniqueEmail } from './support/mailbox'
import { appUrl } from './support/ports'

interface PaperFigures {
  signature_count: number
  paper_signatures: { count: number; included_in_total: boolean }
}

async function petitionJson(): Promise<PaperFigures> {
  return (await (await fetch(`${appUrl}/petition.json`)).json()) as PaperFigures
}

test('Ines uploads the forms from a stall, sees the bad rows, imports only the good ones and sees them counted apart', async ({ page }) => {
  const run = Date.now().toString(36)
  // Someone who signed online, and then again on paper at the stall.
  const online = { name: `Olive Online ${run}`, email: uniqueEmail('olive') }
  await sign(online)
  const csv = [
    'Full name,Postcode,Email,Consent,Date,Event',
    `Ann Paper ${run},RG1 2LU,${uniqueEmail('ann')},yes,2026-11-01,"Reading fair, Broad St"`,
    `Ben Paper ${run},EH10 4BF,,,01/11/2026,Reading fair`,
    `Cy Paper ${run},CF24 0AA,,no,2026-11-01,Reading fair`,
    `,RG1 1AA,,,2026-11-01,Reading fair`,
    `Dee Paper ${run},NOT A POSTCODE,,,2026-11-01,Reading fair`,
    `Olive at the stall ${run},RG1 1AA,${online.email},,2026-11-01,Reading fair`,
    `Ben Paper ${run},EH10 4BF,,,02/11/2026,Reading fair`,
    `Eve Paper ${run},RG1 1AA,,,2099-01-01,Reading fair`,
  ].join('\r\n')
  const before = await petitionJson()

  await signIn(page)
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Paper signatures' }).click()
  await expect(page.getByRole('heading', { name: 'Paper and event signatures' })).toBeVisible()
  await expectAccessible(page)

  // A file that is not CSV is refused with the reason, linked to the field.
  await page.getByLabel('CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('Full name,Postcode,Date,Event\n"Ann,RG1 2LU,2026-11-01,Fair\n') })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('alert')).toContainText('never closed')
  await expect(page).toHaveTitle(/^Error: /)
  await expectAccessible(page)

  await page.getByLabel('CSV file').setInputFiles({ name: 'stall.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('heading', { name: 'Check before importing: stall.csv' })).toBeVisible()
  const problems = page.getByRole('table', { name: 'Problems by row of the file' })
  for (const [row, problem] of [
    ['4', 'The name is missing'],
    ['5', 'The postcode is not a UK postcode'],
    ['6', 'Already signed online with this email address'],
    ['7', 'The same person as row 2 of this file'],
    ['8', 'The date is in the future'],
  ]) {
    await expect(problems.getByRole('row', { name: new RegExp(`^${row} .*${problem}`) })).toBeVisible()
  }
  await expect(page.getByRole('table', { name: 'Good rows by nation' })).toContainText('Scotland')
  await expectAccessible(page)
  // Nothing counts before the import.
  expect((await petitionJson()).paper_signatures.count).toBe(before.paper_signatures.count)

  await page.getByRole('button', { name: 'Import 3 good rows' }).click()
  await expect(page.getByRole('status')).toContainText('3 signatures imported')
  await expect(page.getByRole('button', { name: /Import/ })).toHaveCount(0)
  await expect.poll(async () => (await petitionJson()).paper_signatures, { timeout: 10_000 }).toEqual({ count: before.paper_signatures.count + 3, included_in_total: false })
  expect((await petitionJson()).signature_count).toBe(before.signature_count)

  // The dashboard counts them apart from online signatures.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Figures' }).click()
  await expect(page.getByText('On paper').locator('..').locator('dd').first()).toHaveText(String(before.paper_signatures.count + 3))

  // Adding them to the public total is a campaign setting, off until an admin turns it on.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Closing the campaign' }).click()
  await expect(page.getByLabel('Add paper signatures to the public total')).not.toBeChecked()
  await expectAccessible(page)
  await page.getByLabel('Add paper signatures to the public total').check()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('The public total is updated')
  await expect.poll(async () => (await petitionJson()).paper_signatures.included_in_total, { timeout: 10_000 }).toBe(true)
  const included = await petitionJson()
  expect(included.signature_count).toBeGreaterThanOrEqual(before.signature_count + included.paper_signatures.count)
  await page.getByLabel('Add paper signatures to the public total').uncheck()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect.poll(async () => (await petitionJson()).paper_signatures.included_in_total, { timeout: 10_000 }).toBe(false)

  // Reverting takes them out of every count.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Paper signatures' }).click()
  await page.getByRole('link', { name: 'stall.csv' }).first().click()
  await page.getByRole('button', { name: 'Revert this import' }).click()
  await expect(page.getByRole('status')).toContainText('count nowhere')
  await expect.poll(async () => (await petitionJson()).paper_signatures.count, { timeout: 10_000 }).toBe(before.paper_signatures.count)
})
