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
})

/** Snippets for the partner code in the query (none while the code is not valid), and the form's result. */
export function embedPage(url: URL) {
  const query = new URLSearchParams()
  // Only the one field, bounded before zod sees it.
  const given = url.searchParams.get('partner')
  if (given !== null) query.set('partner', given.slice(0, 200).trim())
  const submission = parseWithZod(query, { schema: snippetSchema })
  const partner = submission.status === 'success' ? (submission.value.partner ?? null) : null
  return {
    result: given !== null ? submission.reply() : undefined,
    partner,
    snippets: submission.status === 'success' ? embedSnippets(env().APP_URL, partner) : [],
  }
}
