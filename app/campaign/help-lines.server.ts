// Where to get help (issue 11), in wording a campaigner can edit (decision 111): one Setting row holding both
// languages' words and the contacts; the defaults in ./content.ts and ./content.cy.ts until someone saves.
import { z } from 'zod'
import type { Language } from '~/i18n/language'
import { prisma } from '~/lib/db.server'
import { helpLineContacts, helpLineWords as englishWords, type HelpLineContacts, type HelpLineWords } from './content'
import { helpLineWords as welshWords } from './content.cy'

export const HELP_LINES_SETTING = 'help-lines'

export interface HelpLinesSetting {
  en: HelpLineWords
  cy: HelpLineWords
  contacts: HelpLineContacts
}

/** What a page or an email shows: one language's words, the contacts, and the links they make. */
export type HelpLines = HelpLineWords &
  HelpLineContacts & {
    language: Language
    nspccTel: string
    childlineTel: string
    childlineUrl: string
  }

export const defaultHelpLines: HelpLinesSetting = { en: englishWords, cy: welshWords, contacts: helpLineContacts }

const words = (max: number, what: string) =>
  z
    .string({ required_error: `Enter ${what}` })
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`))

const wordsSchema = (language: string) =>
  z.object({
    heading: words(120, `the ${language} heading`),
    intro: words(400, `the ${language} introduction`),
    nspccName: words(80, `the ${language} name of the NSPCC Helpline`),
    nspccFor: words(160, `who the NSPCC Helpline is for, in ${language}`),
    childlineName: words(80, `the ${language} name of Childline`),
    childlineFor: words(160, `who Childline is for, in ${language}`),
  })

const phone = (what: string) =>
  z
    .string({ required_error: `Enter ${what}` })
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(z.string().regex(/^0\d[\d ]{4,14}$/, `Enter ${what} as a UK number in digits, like 0800 1111`))

export const helpLinesSchema = z.object({
  en: wordsSchema('English'),
  cy: wordsSchema('Welsh'),
  contacts: z.object({
    nspccPhone: phone('the NSPCC Helpline’s number'),
    nspccEmail: z.string({ required_error: 'Enter the NSPCC Helpline’s email address' }).trim().max(254).email('Enter the NSPCC Helpline’s email address, like help@nspcc.org.uk'),
    childlinePhone: phone('Childline’s number'),
    childlineWeb: z
      .string({ required_error: 'Enter Childline’s web address' })
      .trim()
      .max(100, 'Keep the web address to 100 characters or fewer')
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[A-Za-z0-9._~\-/]*)?$/, 'Enter the web address without https://, like childline.org.uk'),
  }),
})

/** How long a process keeps the saved wording before reading it again: every home page shows it. */
const REREAD_MS = 30_000
let cached: { at: number; value: Promise<HelpLinesSetting> } | undefined

/** The help lines as saved (or the defaults). A row that no longer parses falls back to the defaults. */
export function helpLinesSetting(): Promise<HelpLinesSetting> {
  if (!cached || Date.now() - cached.at > REREAD_MS) {
    const value = prisma.setting.findUnique({ where: { key: HELP_LINES_SETTING } }).then((row) => {
      const saved = row ? helpLinesSchema.safeParse(row.value) : null
      return saved?.success ? saved.data : defaultHelpLines
    })
    cached = { at: Date.now(), value }
    value.catch(() => {
      if (cached?.value === value) cached = undefined
    })
  }
  return cached.value
}

/** After a save: this process shows the new wording at once (others within REREAD_MS). */
export function forgetHelpLines() {
  cached = undefined
}

export async function helpLines(language: Language): Promise<HelpLines> {
  const setting = await helpLinesSetting()
  const contacts = setting.contacts
  return {
    ...setting[language],
    ...contacts,
    language,
    nspccTel: `tel:${contacts.nspccPhone.replace(/\s/g, '')}`,
    childlineTel: `tel:${contacts.childlinePhone.replace(/\s/g, '')}`,
    childlineUrl: `https://${contacts.childlineWeb}`,
  }
}
