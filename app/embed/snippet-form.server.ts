// The dashboard's "Embed on your site" form: an optional partner code (GET).
import { parseWithZod } from '@conform-to/zod'
import { z } from 'zod'
import { env } from '~/lib/env.server'
import { PARTNER_CODE } from './partner'
import { embedSnippets } from './snippets'

const snippetSchema = z.object({
  partner: z
    .string()
    .max(40, 'Enter a partner code of at most 40 characters')
    .regex(PARTNER_CODE, 'Enter a partner code with only letters, numbers, hyphens and underscores')
    .optional(),
  language: z.enum(['en', 'cy'], { message: 'Choose English or Cymraeg' }).optional(),
})

/** Snippets for the partner code and language in the query (none while either is not valid), and the form's result. */
export function embedPage(url: URL) {
  const query = new URLSearchParams()
  // Only the two fields, bounded before zod sees them.
  const given = url.searchParams.get('partner')
  if (given !== null) query.set('partner', given.slice(0, 200).trim())
  const language = url.searchParams.get('language')
  if (language !== null) query.set('language', language.slice(0, 10))
  const submission = parseWithZod(query, { schema: snippetSchema })
  const ok = submission.status === 'success'
  const partner = ok ? (submission.value.partner ?? null) : null
  const widgetLanguage = ok ? (submission.value.language ?? 'en') : 'en'
  return {
    result: given !== null || language !== null ? submission.reply() : undefined,
    partner,
    language: widgetLanguage,
    snippets: ok ? embedSnippets(env().APP_URL, partner, widgetLanguage) : [],
  }
}
