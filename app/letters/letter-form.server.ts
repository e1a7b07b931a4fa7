// What the /write forms accept. Name, email and postcode follow the same rules
// as the petition (supporter-fields); the rest are the letter and the address.
import { z } from 'zod'
import { attributionSchema } from '~/attribution/schema.server'
import type { FormLimits } from '~/lib/form-data.server'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import { email, fullName, postcode } from '~/lib/supporter-fields'
import { normaliseNewlines } from './letter-text'

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
        .refine((v) => !CONTROL.test(v), 'This contains characters we cannot accept'),
    )
}

export const MIN_BODY_CHARS = 50
export const MAX_BODY_CHARS = 8_000

export const findSchema = z.object({ postcode })

/** A letter pasted from elsewhere may run long (and carry \r\n and trailing spaces): its own rule says how long, this only bounds the work. */
export const LETTER_FORM_LIMITS: FormLimits = { maxChars: { body: MAX_BODY_CHARS * 4 } }

export const letterSchema = z.object({
  /** The MP the supporter was shown; checked against their postcode again on the server. */
  mpId: z.coerce.number({ invalid_type_error: 'Start again with your postcode' }).int().positive(),
  subject: line('Enter a subject for your letter', 200, 'The subject must be 200 characters or fewer'),
  body: z
    .string({ required_error: 'Write your letter' })
    .transform(normaliseNewlines)
    .pipe(
      z
        .string()
        .min(1, 'Write your letter')
        .min(MIN_BODY_CHARS, `Your letter must be at least ${MIN_BODY_CHARS} characters`)
        .max(MAX_BODY_CHARS, `Your letter must be ${MAX_BODY_CHARS.toLocaleString('en-GB')} characters or fewer`)
        .refine((v) => !CONTROL.test(v.replace(/\n/g, ' ')), 'Your letter contains characters we cannot accept'),
    ),
  name: fullName,
  email,
  addressLine1: line('Enter the first line of your address', 200, 'The first line of your address must be 200 characters or fewer'),
  town: line('Enter your town or city', 100, 'Your town or city must be 100 characters or fewer'),
  postcode,
  phone: z
    .string()
    .optional()
    .transform((v) => v?.trim().replace(/\s+/g, ' ') || undefined)
    .pipe(
      z
        .string()
        .max(30, 'Enter a phone number, like 07700 900123')
        .regex(/^\+?[0-9][0-9 ()-]{5,}$/, 'Enter a phone number, like 07700 900123')
        .optional(),
    ),
  [HONEYPOT_FIELD]: z.string().optional(),
  /** Where the writer came from: hidden fields carried through every step, junk dropped silently (decision 104). */
  ...attributionSchema,
})

export type LetterInput = z.output<typeof letterSchema>

export const LETTER_FIELDS = ['subject', 'body', 'name', 'email', 'addressLine1', 'town', 'postcode', 'phone'] as const
