import { z } from 'zod'
import { ATTRIBUTION_FIELDS, codeFor, type AttributionField } from './codes'

/**
 * The fields as a schema fragment for a form's zod schema: each one is its code or undefined,
 * never an error (a repeated field, an array, junk: all dropped).
 */
export const attributionSchema = Object.fromEntries(
  ATTRIBUTION_FIELDS.map((field) => [field, z.unknown().transform((value) => codeFor(field, value))]),
) as Record<AttributionField, z.ZodEffects<z.ZodUnknown, string | undefined>>
