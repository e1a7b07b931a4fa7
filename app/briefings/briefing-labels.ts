// Words the dashboard's briefing pages share.
import { BRIEFING_PLACEHOLDERS } from './briefing-text'

/** The rule: at most one briefing per MP in this many days (decision 115). */
export const BRIEFING_INTERVAL_DAYS = 30

export const BRIEFING_STATUS_LABEL: Record<string, string> = { draft: 'Draft', sending: 'Sending', sent: 'Sent' }

export const BRIEFING_TEMPLATE_HINT = `Plain text with simple Markdown: a blank line between paragraphs, "- " or "1. " for lists, **bold**, [link text](https://…). Placeholders, filled in for each MP: ${Object.entries(
  BRIEFING_PLACEHOLDERS,
)
  .map(([name, what]) => `{{${name}}} ${what}`)
  .join('; ')}.`

export const THRESHOLD_HINT = 'Only MPs whose constituency has at least this many confirmed signatures get the briefing.'
