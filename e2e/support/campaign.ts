// Helpers for the campaigners' scenarios: supporters who sign (and confirm)
// over HTTP, the public count, signing in, and — for data the public forms
// refuse on purpose (a name starting with "=") — the app's own database.
import { expect, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { ROOT } from '../../server/database'
import { firstAppLink, waitForEmail } from './mailbox'
import { e2eOrganisation } from './organisation'
import { appDatabaseFile, appUrl } from './ports'

export const ADMIN = { email: 'admin@campaign.test', password: 'correct horse battery staple' }

export async function publicCount(): Promise<number> {
  const response = await fetch(`${appUrl}/petition.json`)
  return ((await response.json()) as { signature_count: number }).signature_count
}

/** The worker syncs the MP directory from the Members API stub when it first starts: wait until /write finds an MP. */
export async function waitForMpDirectory() {
  await expect
    .poll(
      async () => (await fetch(`${appUrl}/write`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'postcode=RG1+1AA' })).status,
      { timeout: 30_000, message: 'the MP directory to be synced' },
    )
    .toBe(200)
}

/** Signs the petition as a supporter's browser would without JavaScript. */
export async function sign(person: { name: string; email: string; postcode?: string }) {
  const response = await fetch(`${appUrl}/?index`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: person.name, email: person.email, postcode: person.postcode ?? 'RG1 1AA' }),
  })
  expect(response.status, `signing as ${person.email}`).toBe(303)
}

/** Signs, then presses the button on the emailed link's page (a POST to the link). */
export async function signAndConfirm(person: { name: string; email: string; postcode?: string }) {
  await sign(person)
  await confirmFromEmail(person.email)
}

/** What the "Confirm my signature" button on the emailed link's page does. */
export async function confirmFromEmail(email: string) {
  const link = firstAppLink(await waitForEmail(email), appUrl)
  const confirmed = await fetch(link, { method: 'POST', redirect: 'manual' })
  expect(confirmed.status, `confirming ${email}`).toBe(303)
}

export async function signIn(page: Page, account: { email: string; password: string } = ADMIN) {
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/sign-in/)
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Campaign figures' })).toBeVisible()
}

/**
 * The database of the app under test, as e2e/support/serve.ts wrote it down (never found by trying the
 * server's databases: one a killed run left half-dropped makes a connection wait for minutes), checked to
 * hold `markerEmail`, a signature this scenario made.
 */
export async function appDatabaseUrl(markerEmail: string): Promise<string> {
  const url = fs.readFileSync(appDatabaseFile, 'utf8').trim()
  const found = await inDatabase(url, (db) => db.query('SELECT 1 FROM "Signature" WHERE email = $1', [markerEmail]))
  if (!found.rowCount) throw new Error(`the app's database (${appDatabaseFile}) holds no signature from ${markerEmail}`)
  return url
}

export async function inDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** `npm run campaigner:add -- <email> --role <role>` against the app's database; returns the printed link. */
export function addCampaigner(databaseUrl: string, email: string, role: 'admin' | 'viewer'): string {
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/campaigner-add.ts', email, '--role', role], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL: appUrl, NODE_ENV: 'production', SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret', ...e2eOrganisation },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`campaigner:add failed: ${result.stderr}`)
  const link = result.stdout.match(/http\S+\/admin\/set-password\/\S+/)?.[0]
  if (!link) throw new Error(`no link in: ${result.stdout}`)
  return link
}

