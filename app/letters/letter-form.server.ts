// What the /write forms accept. Name, email and postcode follow the same rules
// as the petition (supporter-fields); the rest are the letter and the address.
import { z } from 'zod'
import { attributionSchema } from '~/attribution/schema.server'
import type { FormLimits } from '~/lib/form-data.server'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import { email, fullName, postcode } from '~/lib/supporter-fields'
import { normaliseNewlines } from './letter-text'
import { MAX_BODY_CHARS, MIN_BODY_CHARS } from './letter-limits'
import { LETTER_MESSAGES as M } from './letter-messages'

export { MAX_BODY_CHARS, MIN_BODY_CHARS }

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function line(required: string, max: number, tooLong: string) {
  return z
    .string({ required_error: required })
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, required)
        .max(max, tooLong)
        .refine((v) => !CONTROL.test(v), M.characters),
    )
}


export const findSchema = z.object({ postcode })

/** A letter pasted from elsewhere may run long (and carry \r\n and trailing spaces): its own rule says how long, this only bounds the work. */
export const LETTER_FORM_LIMITS: FormLimits = { maxChars: { body: MAX_BODY_CHARS * 4 } }

export const letterSchema = z.object({
  /** The MP the supporter was shown; checked against their postcode again on the server. */
  mpId: z.coerce.number({ invalid_type_error: M.startAgain }).int().positive(),
  subject: line(M.subjectRequired, 200, M.subjectTooLong),
  body: z
    .string({ required_error: M.bodyRequired })
    .transform(normaliseNewlines)
    .pipe(
      z
        .string()
        .min(1, M.bodyRequired)
        .min(MIN_BODY_CHARS, M.bodyTooShort)
        .max(MAX_BODY_CHARS, M.bodyTooLong)
        .refine((v) => !CONTROL.test(v.replace(/\n/g, ' ')), M.bodyCharacters),
    ),
  name: fullName,
  email,
  addressLine1: line(M.addressRequired, 200, M.addressTooLong),
  town: line(M.townRequired, 100, M.townTooLong),
  postcode,
  phone: z
    .string()
    .optional()
    .transform((v) => v?.trim().replace(/\s+/g, ' ') || undefined)
    .pipe(
      z
        .string()
        .max(30, M.phone)
        .regex(/^\+?[0-9][0-9 ()-]{5,}$/, M.phone)
        .optional(),
    ),
  [HONEYPOT_FIELD]: z.string().optional(),
  /** Where the writer came from: hidden fields carried through every step, junk dropped silently (decision 104). */
  ...attributionSchema,
})

export type LetterInput = z.output<typeof letterSchema>

export const LETTER_FIELDS = ['subject', 'body', 'name', 'email', 'addressLine1', 'town', 'postcode', 'phone'] as const
