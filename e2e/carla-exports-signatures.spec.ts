import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import { appDatabaseUrl, inDatabase, sign, signAndConfirm, signIn } from './support/campaign'
import { uniqueEmail } from './support/mailbox'

test('Carla downloads confirmed signers, not pending ones, with hostile names made harmless', async ({ page }) => {
  const scripted = { name: 'Scripted Person', email: uniqueEmail('scripted') }
  const formula = { name: 'Formula Person', email: uniqueEmail('formula') }
  const pending = { name: 'Pending Person', email: uniqueEmail('pending') }
  await signAndConfirm(scripted)
  await signAndConfirm(formula)
  await sign(pending)
  // The petition form refuses names starting with "=" or holding < >, so put them in as an older import might have.
  const database = await appDatabaseUrl(formula.email)
  await inDatabase(database, async (db) => {
    await db.query('UPDATE "Signature" SET name = $1 WHERE email = $2', ['=HYPERLINK("http://x")', formula.email])
    await db.query('UPDATE "Signature" SET name = $1 WHERE email = $2', ['<script>alert(1)</script>', scripted.email])
  })

  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await signIn(page)
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Exports' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: /Download confirmed signatures/ }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^duty-of-care-signatures-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
  expect(lines[0]).toBe('"Name","Email","Postcode","Constituency","Nation","Opted in to updates","Confirmed at (UTC)","Source","Event"')
  expect(csv).toContain(`"<script>alert(1)</script>","${scripted.email}","RG1 1AA"`)
  expect(csv).toContain(`"'=HYPERLINK(""http://x"")","${formula.email}"`)
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m)
  expect(csv).not.toContain(pending.email)

  // The export is in the audit log, and the names show as plain text on the pages.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Audit log' }).click()
  await expect(page.getByRole('cell', { name: 'export.signatures' }).first()).toBeVisible()
  await page.goto(`/admin/moderation?email=${encodeURIComponent(scripted.email)}`)
  await expect(page.getByRole('cell', { name: '<script>alert(1)</script>' })).toBeVisible()
  await page.goto(`/admin/moderation?email=${encodeURIComponent(formula.email)}`)
  await expect(page.getByRole('cell', { name: '=HYPERLINK("http://x")' })).toBeVisible()
  expect(dialogs).toEqual([])
})
