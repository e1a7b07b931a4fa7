// Test helpers for letters: the MP directory from the Members API stub, a
// letter as the compose form posts it, and the links in the emails it causes.
import { prisma } from '~/lib/db.server'
import { forgetPlaces } from '~/mps/lookup.server'
import { syncMps } from '~/mps/sync.server'
import { beginLetter, type ComposeStart } from './compose.server'
import { letterSchema, type LetterInput } from './letter-form.server'
import { ensureLetterTemplate } from './template.server'

/** Matt Rodda, MP for Reading Central (RG1 1AA), in the Members API stub. */
export const MP_ADDRESS = 'matt.rodda.mp@parliament.uk'
export const MP_ID = 4654
export const OWN_WORDS =
  'I am a parent of two teenagers in Reading and I see every day how much of their lives happen on their phones, with nobody checking what the apps do to keep them safe.'

/** A fresh MP directory and letter template. */
export async function setUpMpDirectory() {
  await prisma.$executeRaw`TRUNCATE "Mp", "Constituency", "LetterTemplate" CASCADE`
  await ensureLetterTemplate()
  await syncMps({ retryBaseMs: 5 })
}

/** What /write offers for a postcode: the MP and the letter to start from. */
export async function composeStart(postcode = 'RG1 1AA'): Promise<ComposeStart> {
  forgetPlaces()
  const begun = await beginLetter(postcode)
  if (begun.status !== 'compose') throw new Error(`expected to compose, got ${begun.status}`)
  return begun.start
}

/** The letter a supporter posts: the template with their own words, and their details. */
export function letterInput(start: ComposeStart, overrides: Partial<Record<string, string>> = {}): LetterInput {
  const body = start.body.replace('Please ask the Prime Minister', `${OWN_WORDS}\n\nPlease ask the Prime Minister`)
  return letterSchema.parse({
    mpId: String(start.mp.id),
    subject: start.subject,
    body,
    name: 'Priya Shah',
    email: 'priya@example.org',
    addressLine1: '12 Castle Street',
    town: 'Reading',
    postcode: 'rg1 1aa',
    ...overrides,
  })
}

/** The token of the first `/path/<token>` link in an email. */
export function linkIn(html: string | undefined, path: string) {
  const match = html?.match(new RegExp(`http://campaign\\.test/${path}/([A-Za-z0-9_-]{43})`))
  if (!match) throw new Error(`no /${path}/ link in the email`)
  return match[1]
}
