// The campaign's call script: what a supporter could say when they phone their
// MP's office, with {{mp_name}} and {{constituency}} filled in. One stored row
// (CallScript id 1), edited by admins at /admin/call-script with a preview, each
// change audited; until an admin saves one, the default below is used.
import { z } from 'zod'
import type { Campaigner } from '~/admin/auth.server'
import { audit } from '~/admin/audit.server'
import { defaultCallScriptCy } from '~/campaign/content.write.cy'
import type { Language } from '~/i18n/language'
import { prisma } from '~/lib/db.server'
import type { FormLimits } from '~/lib/form-data.server'
import { memoFor } from '~/lib/memo.server'
import { normaliseNewlines } from '~/letters/letter-text'
import { mergeScript, PREVIEW_VALUES, SCRIPT_MERGE_FIELDS, unknownMergeFields } from './script'

// In our own words; the figures are the NSPCC's (FOI requests to police forces), as in the letter template.
export const defaultCallScript = `Hello, my name is [your name] and I live in {{constituency}}. My postcode is [your postcode].

I am calling to ask {{mp_name}} to support an Online Harms Bill that puts a legal Duty of Care on tech companies to keep children safe online.

Police in England and Wales recorded more than 10,000 crimes of sexual communication with a child in two and a half years. Every other business that serves children has to take care to keep them safe; social networks should not be the exception.

Will {{mp_name}} ask the Prime Minister to publish a timetable and pass this law within 18 months? Please let me know what {{mp_name}} will do. Thank you.`

export const MAX_SCRIPT_CHARS = 3_000

/** One language's script: the same rules in both, each message naming the language's script (`what`). */
function scriptRule(what: string) {
  return z
    .string({ required_error: `Enter the ${what}` })
    .transform((v) => normaliseNewlines(v))
    .pipe(z.string().min(40, `The ${what} looks too short`).max(MAX_SCRIPT_CHARS, `Keep the ${what} to ${MAX_SCRIPT_CHARS.toLocaleString('en-GB')} characters or fewer`))
    .superRefine((v, ctx) => {
      const unknown = unknownMergeFields(v)
      if (unknown.length) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Use only the merge fields ${SCRIPT_MERGE_FIELDS.map((f) => `{{${f}}}`).join(' and ')}; the ${what} has ${unknown.map((f) => `{{${f}}}`).join(', ')}`,
        })
      }
    })
}

export const callScriptSchema = z.object({ body: scriptRule('call script') })

/** The admin page's form: both languages (decision 112), each validated by the same rules. */
export const bilingualCallScriptSchema = z.object({ body: scriptRule('call script'), bodyCy: scriptRule('Welsh call script') })

export type CallScriptInput = z.output<typeof callScriptSchema> & { bodyCy?: string }

/** The form's long fields (the schema says how long; this bounds the work first). */
export const CALL_SCRIPT_FORM_LIMITS: FormLimits = { maxChars: { body: 12_000, bodyCy: 12_000 } }

async function storedScripts(): Promise<Record<Language, string>> {
  const row = await prisma.callScript.findUnique({ where: { id: 1 } })
  return { en: row?.body.trim() ? row.body : defaultCallScript, cy: row?.bodyCy.trim() ? row.bodyCy : defaultCallScriptCy }
}

const cachedScripts = memoFor(30_000, storedScripts)

/** The script supporters see, in the page's language (changes reach /write within 30 seconds). */
export async function callScript(language: Language = 'en'): Promise<string> {
  return (await cachedScripts())[language]
}

/** The script as stored right now, English, for the admin page (not cached). */
export async function currentCallScript(): Promise<string> {
  return (await storedScripts()).en
}

/** Both languages as stored right now, for the admin page (not cached). */
export function currentCallScripts(): Promise<Record<Language, string>> {
  return storedScripts()
}

export function previewCallScript(input: CallScriptInput): string {
  return mergeScript(input.body, PREVIEW_VALUES)
}

/** Saves the script (and the Welsh one, when the form carried it), with its audit entry. */
export async function saveCallScript(campaigner: Campaigner, input: CallScriptInput) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.callScript.findUnique({ where: { id: 1 } })
    const welsh = input.bodyCy === undefined ? {} : { bodyCy: input.bodyCy }
    await tx.callScript.upsert({ where: { id: 1 }, create: { id: 1, body: input.body, ...welsh }, update: { body: input.body, ...welsh } })
    const change =
      input.bodyCy === undefined
        ? { before: before?.body ?? null, after: input.body }
        : { before: before?.body ?? null, after: input.body, beforeCy: before?.bodyCy || null, afterCy: input.bodyCy }
    await audit(campaigner.id, 'call-script.update', change, tx)
  })
}
