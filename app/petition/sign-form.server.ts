import { z } from 'zod'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import { checkbox, email, fullName, postcode } from '~/lib/supporter-fields'

export const signSchema = z.object({
  name: fullName,
  email,
  postcode,
  optIn: checkbox,
  [HONEYPOT_FIELD]: z.string().optional(),
})

export type SignInput = z.output<typeof signSchema>
