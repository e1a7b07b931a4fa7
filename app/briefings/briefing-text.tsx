// The words of an MP briefing: the campaign's Markdown template with each MP's figures filled in.
// Shared by the admin's preview and the email, so what the admin previews is what the MP receives.
//
// Placeholders are filled in two ways. Our own figures and text (numbers, the rank, the seat page's
// address, the four asks) go into the Markdown before it is parsed, so `[their page]({{seat_url}})` is a
// link and `{{asks}}` a list. Names that come from Parliament (the MP's and the seat's) go into the text
// after parsing, so a name is always text, never Markdown, a link or markup.
import { asks } from '~/campaign/content'
import { formatNumber, ordinal } from '~/lib/format'
import { blocksToText, MarkdownBlocks, parseMarkdown, type Block, type Inline, type MarkdownStyles } from '~/updates/markdown'

export interface BriefingValues {
  mpName: string
  constituency: string
  /** Confirmed signatures in the seat. */
  signatures: number
  /** Letters the MP's constituents confirmed through the campaign. */
  letters: number
  /** Of 650 seats by signatures; `tied` when another seat has the same count. */
  rank: number
  tied: boolean
  seatCount: number
  /** The seat's public page, absolute (APP_URL/map/<ONS code>). */
  seatUrl: string
}

export const BRIEFING_PLACEHOLDERS = {
  mp_name: 'the MP’s name',
  constituency: 'their constituency',
  signatures: 'confirmed signatures in the seat',
  letters: 'letters their constituents sent through the campaign',
  rank: 'the seat’s rank, like “12th of 650”',
  asks: 'the campaign’s four asks, as a numbered list',
  seat_url: 'the seat’s page on this site',
} as const

export type BriefingPlaceholder = keyof typeof BRIEFING_PLACEHOLDERS

const PLACEHOLDER = /\{\{\s*([a-z_]{1,40})\s*\}\}/g

/** Placeholders in a template that are not ours (misspelt), each once, in order. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !Object.hasOwn(BRIEFING_PLACEHOLDERS, name))
  return [...new Set(unknown)]
}

export function rankText(values: Pick<BriefingValues, 'rank' | 'tied' | 'seatCount'>): string {
  return `${values.tied ? 'joint ' : ''}${ordinal(values.rank)} of ${formatNumber(values.seatCount)}`
}

function asksMarkdown(): string {
  return `\n\n${asks.map((ask, i) => `${i + 1}. **${ask.title}**: ${ask.summary}`).join('\n')}\n\n`
}

/** Our own values, put into the Markdown before it is parsed. */
function ownValues(values: BriefingValues): Partial<Record<BriefingPlaceholder, string>> {
  return {
    signatures: formatNumber(values.signatures),
    letters: formatNumber(values.letters),
    rank: rankText(values),
    seat_url: values.seatUrl,
    asks: asksMarkdown(),
  }
}

/** Names from outside (Parliament), put into text only, after parsing. */
function names(values: BriefingValues): Partial<Record<BriefingPlaceholder, string>> {
  return { mp_name: values.mpName, constituency: values.constituency }
}

function fill(text: string, replacements: Partial<Record<BriefingPlaceholder, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(replacements, name) ? replacements[name as BriefingPlaceholder]! : whole))
}

function fillInline(nodes: Inline[], replacements: Partial<Record<BriefingPlaceholder, string>>): Inline[] {
  return nodes.map((node) =>
    node.type === 'text' ? { type: 'text', text: fill(node.text, replacements) } : { ...node, children: fillInline(node.children, replacements) },
  )
}

/** The template, parsed, with one MP's values in it. */
export function briefingBlocks(template: string, values: BriefingValues): Block[] {
  const replacements = names(values)
  return parseMarkdown(fill(template, ownValues(values))).map((block) =>
    block.type === 'paragraph'
      ? { type: 'paragraph', content: fillInline(block.content, replacements) }
      : { ...block, items: block.items.map((item) => fillInline(item, replacements)) },
  )
}

/** A subject line for one MP (plain text: every value as it is). */
export function briefingSubject(template: string, values: BriefingValues): string {
  return fill(template, { ...ownValues(values), asks: 'the four asks', ...names(values) }).replace(/\s+/g, ' ').trim()
}

export function BriefingBody({ template, values, styles }: { template: string; values: BriefingValues; styles?: MarkdownStyles }) {
  return <MarkdownBlocks blocks={briefingBlocks(template, values)} styles={styles} />
}

export function briefingBodyText(template: string, values: BriefingValues): string {
  return blocksToText(briefingBlocks(template, values))
}

/** What a new briefing starts from: short, factual, every placeholder used once. */
export const DEFAULT_BRIEFING = {
  subject: '{{signatures}} of your constituents in {{constituency}} back a Duty of Care',
  bodyMarkdown: `Dear {{mp_name}},

**{{signatures}}** people in {{constituency}} have signed the Duty of Care petition, each confirmed from their own email address, and **{{letters}}** of your constituents have written to you through the campaign. {{constituency}} is {{rank}} constituencies for support.

They ask the government for:
{{asks}}
You can see the figures for {{constituency}}, updated live, at {{seat_url}}

We would welcome the chance to brief you or your office. Reply to this email to reach the campaign team.`,
}
