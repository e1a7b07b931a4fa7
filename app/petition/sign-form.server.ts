import { z } from 'zod'
import { attributionSchema } from '~/attribution/schema.server'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import { checkbox, email, fullName, postcode } from '~/lib/supporter-fields'

export const signSchema = z.object({
  name: fullName,
  email,
  postcode,
  optIn: checkbox,
  [HONEYPOT_FIELD]: z.string().optional(),
  /** Where they came from: hidden fields, junk dropped silently (decision 104). */
  ...attributionSchema,
})

export type SignInput = z.output<typeof signSchema>
