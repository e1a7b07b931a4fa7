// Field rules shared by every supporter form (petition, letter), so a name
// or postcode is judged the same everywhere.
import { isValid, toNormalised } from 'postcode'
import { z } from 'zod'

/**
 * What the field rules say when an answer is refused, in English (the source of truth for the message
 * catalogue, app/i18n: a Welsh page shows the Welsh message with the same key, decision 110).
 */
export const FIELD_MESSAGES = {
  nameRequired: 'Enter your full name',
  nameTooLong: 'Your name must be 255 characters or fewer',
  nameControl: 'Your name contains characters we cannot accept',
  nameAngle: 'Your name must not contain < or >',
  nameFormula: 'Your name must not start with =, +, - or @',
  nameUrl: 'Your name must not contain a web address',
  emailRequired: 'Enter your email address',
  emailTooLong: 'Your email address must be 254 characters or fewer',
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  postcodeRequired: 'Enter your postcode',
  postcodeInvalid: 'Enter a real UK postcode, like SW1A 1AA',
}
const M = FIELD_MESSAGES

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
/**
 * A web address in a name. One letter or digit before ".com" is enough to tell (a longer
 * run adds nothing): `[a-z0-9-]+\.com` retried from every letter of a long run, which made
 * a 200,000-letter name take a minute; this form looks at each position once.
 */
const URL_LIKE = /https?:\/\/|www\.|[a-z0-9-]\.(?:com|org|net|uk|io|ru|info|xyz|co|biz)\b/i

export const fullName = z
  .string({ required_error: M.nameRequired })
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, M.nameRequired)
      .max(255, M.nameTooLong)
      .refine((v) => !CONTROL.test(v), M.nameControl)
      .refine((v) => !/[<>]/.test(v), M.nameAngle)
      .refine((v) => !/^[=+\-@]/.test(v), M.nameFormula)
      .refine((v) => !URL_LIKE.test(v), M.nameUrl),
  )

export const email = z
  .string({ required_error: M.emailRequired })
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .min(1, M.emailRequired)
      .max(254, M.emailTooLong)
      .email(M.emailFormat),
  )

export const postcode = z
  .string({ required_error: M.postcodeRequired })
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .min(1, M.postcodeRequired)
      .max(16, M.postcodeInvalid)
      .refine((v) => isValid(v), M.postcodeInvalid)
      .transform((v) => toNormalised(v) as string),
  )

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'yes' || v === 'true')

