// Words the dashboard's update pages share.
export const MAILSHOT_STATUS_LABEL: Record<string, string> = { draft: 'Draft', sending: 'Sending', paused: 'Paused', sent: 'Sent' }

export const MARKDOWN_HINT =
  'Plain text. Leave a blank line between paragraphs. Start lines with "- " (or "1. ") for a list. **bold**, *italic*, [link text](https://…). Anything else, HTML included, shows exactly as typed.'
