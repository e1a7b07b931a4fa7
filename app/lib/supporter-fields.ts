// Field rules shared by every supporter form (petition, letter), so a name
// or postcode is judged the same everywhere.
import { isValid, toNormalised } from 'postcode'
import { z } from 'zod'

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
/**
 * A web address in a name. One letter or digit before ".com" is enough to tell (a longer
 * run adds nothing): `[a-z0-9-]+\.com` retried from every letter of a long run, which made
 * a 200,000-letter name take a minute; this form looks at each position once.
 */
const URL_LIKE = /https?:\/\/|www\.|[a-z0-9-]\.(?:com|org|net|uk|io|ru|info|xyz|co|biz)\b/i

export const fullName = z
  .string({ required_error: 'Enter your full name' })
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'Enter your full name')
      .max(255, 'Your name must be 255 characters or fewer')
      .refine((v) => !CONTROL.test(v), 'Your name contains characters we cannot accept')
      .refine((v) => !/[<>]/.test(v), 'Your name must not contain < or >')
      .refine((v) => !/^[=+\-@]/.test(v), 'Your name must not start with =, +, - or @')
      .refine((v) => !URL_LIKE.test(v), 'Your name must not contain a web address'),
  )

export const email = z
  .string({ required_error: 'Enter your email address' })
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter your email address')
      .max(254, 'Your email address must be 254 characters or fewer')
      .email('Enter an email address in the correct format, like name@example.com'),
  )

export const postcode = z
  .string({ required_error: 'Enter your postcode' })
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter your postcode')
      .max(16, 'Enter a real UK postcode, like SW1A 1AA')
      .refine((v) => isValid(v), 'Enter a real UK postcode, like SW1A 1AA')
      .transform((v) => toNormalised(v) as string),
  )

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'yes' || v === 'true')

