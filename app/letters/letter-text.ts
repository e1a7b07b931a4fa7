// The words of a letter: the template's merge fields, the supporter's details
// at the top, and the line at the end that says how it reached the MP. Shared
// by the page (preview, meter), the emails and the "own email" links, so what
// the supporter previews is exactly what the MP receives.
import { fill, type Language } from '~/i18n/language'

export interface MergeValues {
  mpName: string
  constituency: string
  /** The supporter's name and town, when known; placeholders stand in until they are. */
  name?: string
  town?: string
  /** The template's language: its placeholders are in it (English when absent). */
  language?: Language
}

export const PLACEHOLDERS = { name: '[your name]', town: '[your town]' } as const
/** The Welsh template's placeholders (awaiting review by a Welsh speaker, like the rest of the Welsh copy). */
export const PLACEHOLDERS_CY = { name: '[eich enw]', town: '[eich tref]' } as const

export const MERGE_FIELDS = ['mp_name', 'constituency', 'name', 'town'] as const

export function mergeTemplate(text: string, values: MergeValues): string {
  const placeholders = values.language === 'cy' ? PLACEHOLDERS_CY : PLACEHOLDERS
  const replacements: Record<(typeof MERGE_FIELDS)[number], string> = {
    mp_name: values.mpName,
    constituency: values.constituency,
    name: values.name?.trim() || placeholders.name,
    town: values.town?.trim() || placeholders.town,
  }
  return text.replace(/\{\{\s*(mp_name|constituency|name|town)\s*\}\}/g, (_, field: keyof typeof replacements) => replacements[field])
}

/** Fills in placeholders the supporter left in the letter (in either language), once their details are known. */
export function finaliseBody(body: string, values: { name?: string; town?: string }): string {
  let text = normaliseNewlines(body)
  for (const placeholders of [PLACEHOLDERS, PLACEHOLDERS_CY]) {
    if (values.name?.trim()) text = text.replaceAll(placeholders.name, values.name.trim())
    if (values.town?.trim()) text = text.replaceAll(placeholders.town, values.town.trim())
  }
  return text
}

/** Unix newlines, no spaces at line ends, at most one blank line in a row. Linear in the text's length. */
export function normaliseNewlines(text: string): string {
  // Lines and the breaks between them alternate (a \u2028 ends a line too, as it did for /$/m).
  const parts = text.replace(/\r\n?/g, '\n').split(/([\n\u2028\u2029])/)
  return parts.map((part, i) => (i % 2 ? part : trimLineEnd(part))).join('').replace(/\n{3,}/g, '\n\n').trim()
}

/**
 * Spaces and tabs off the end of one line, by walking back from its end: a regular
 * expression like /[ \t]+$/ retries from every space of a long run (quadratic).
 */
function trimLineEnd(line: string): string {
  let end = line.length
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--
  return end === line.length ? line : line.slice(0, end)
}

export interface SenderDetails {
  name: string
  email: string
  addressLine1: string
  town: string
  postcode: string
  phone?: string | null
}

/**
 * The lines the app adds to a letter, in the letter's language (the catalogue's `write.letter`, handed in by
 * the server: this module also runs in the browser). English when not given.
 */
export interface LetterLines {
  phone: string
  sentOnRequest: string
}

const ENGLISH_LINES: LetterLines = {
  phone: 'Phone: {phone}',
  sentOnRequest:
    'This letter was sent through the Duty of Care campaign website ({site}) at the request of {name}, your constituent in {seat}. Reply to this email to answer {name} directly.',
}

/** The lines that open every letter: who the constituent is and how to reach them. */
export function senderLines(s: SenderDetails, lines: LetterLines = ENGLISH_LINES): string[] {
  return [s.name, s.addressLine1, s.town, s.postcode, s.email, ...(s.phone ? [fill(lines.phone, { phone: s.phone })] : [])]
}

export function sentOnRequestLine(name: string, constituency: string, siteUrl: string, lines: LetterLines = ENGLISH_LINES): string {
  return fill(lines.sentOnRequest, { site: siteUrl, name, seat: constituency })
}

export interface LetterParts {
  sender: string[]
  body: string
  footer?: string
}

/** What the MP receives from the campaign's site: sender block, the letter, the closing line. */
export function letterForMp(input: { sender: SenderDetails; body: string; constituency: string; siteUrl: string; lines?: LetterLines }): LetterParts {
  return {
    sender: senderLines(input.sender, input.lines),
    body: normaliseNewlines(input.body),
    footer: sentOnRequestLine(input.sender.name, input.constituency, input.siteUrl, input.lines),
  }
}

export function partsToText(parts: LetterParts): string {
  return [parts.sender.join('\n'), parts.body, ...(parts.footer ? ['—', parts.footer] : [])].join('\n\n')
}

/** Compose links for the supporter's own mailbox: the same letter, without our closing line. */
export function ownMailLinks(input: { to: string; subject: string; sender: SenderDetails; body: string; lines?: LetterLines }) {
  const text = partsToText({ sender: senderLines(input.sender, input.lines), body: normaliseNewlines(input.body) })
  const q = (params: Record<string, string>) =>
    Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&')
  return {
    mailto: `mailto:${encodeURIComponent(input.to).replace('%40', '@')}?${q({ subject: input.subject, body: text })}`,
    gmail: `https://mail.google.com/mail/?${q({ view: 'cm', fs: '1', to: input.to, su: input.subject, body: text })}`,
    outlook: `https://outlook.live.com/mail/0/deeplink/compose?${q({ to: input.to, subject: input.subject, body: text })}`,
    text,
  }
}
