// A deliberately small Markdown: paragraphs, bulleted and numbered lists,
// **bold**, *italic*, [links](https://…) and bare https:// links. Nothing
// else is interpreted, and it renders to React elements (never to an HTML
// string), so whatever an admin types is escaped: no raw HTML, no scripts,
// no javascript: links. Used by campaign-update emails and their preview.
import { Fragment, type CSSProperties, type ReactNode } from 'react'

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }

export type Block = { type: 'paragraph'; content: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] }

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/
/** Only web and mail links survive; anything else (javascript:, data:, relative) stays text. */
export function safeHref(href: string): string | null {
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null
  try {
    const url = new URL(href)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : null
  } catch {
    return null
  }
}

/**
 * The inline spans, found left to right; at each position the first that fits wins, in this
 * order: [text](href), **strong**, __strong__, *em*, _em_ (not inside a word), a bare https:// link.
 * One pass over the text: "where is the next ] (or **, *, line break…)" is answered by a
 * cursor that only moves forward, so a long run of [ or * costs no more than any other text.
 * (The regular expression this replaces took seconds on 40,000 characters of [[[[.)
 */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = []
  const scan = new Scanner(source)
  let text = 0 // where the text not yet emitted starts
  for (let i = 0; i < source.length; ) {
    const span = scan.linkAt(i) ?? scan.strongAt(i) ?? scan.emAt(i) ?? scan.bareLinkAt(i)
    if (!span) {
      i++
      continue
    }
    if (i > text) out.push({ type: 'text', text: source.slice(text, i) })
    out.push(span.node)
    i = text = span.end
  }
  if (text < source.length) out.push({ type: 'text', text: source.slice(text) })
  return out
}

type Span = { node: Inline; end: number }

const LINE_BREAK = /[\n\r\u2028\u2029]/g
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"'])
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch)
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

class Scanner {
  /** Per token: the last search (from where, found where), reused while later searches start before the find. */
  private found = new Map<string, { from: number; at: number }>()
  /** Link targets by where they start: many [ can share one ](…). */
  private targets = new Map<number, { href: string; end: number } | null>()

  constructor(private s: string) {}

  /** The next `token` at or after `from` (-1: none); linear over a whole left-to-right pass. */
  private next(token: string, from: number): number {
    const last = this.found.get(token)
    if (last && from >= last.from && (last.at === -1 || last.at >= from)) return last.at
    let at: number
    if (token === 'line break') {
      LINE_BREAK.lastIndex = from
      at = LINE_BREAK.exec(this.s)?.index ?? -1
    } else at = this.s.indexOf(token, from)
    this.found.set(token, { from, at })
    return at
  }

  /** No line break in [from, to). */
  private oneLine(from: number, to: number, breakToken = 'line break') {
    const at = this.next(breakToken, from)
    return at === -1 || at >= to
  }

  /** [text](href): text without ] or a newline; href without spaces or brackets; an unsafe href stays text. */
  linkAt(i: number): Span | null {
    const s = this.s
    if (s[i] !== '[') return null
    const close = this.next(']', i + 1)
    if (close <= i + 1 || !this.oneLine(i + 1, close, '\n') || s[close + 1] !== '(') return null
    const target = this.targetAt(close + 2)
    if (!target) return null
    const href = safeHref(target.href)
    const node: Inline = href ? { type: 'link', href, children: parseInline(s.slice(i + 1, close)) } : { type: 'text', text: s.slice(i, target.end) }
    return { node, end: target.end }
  }

  private targetAt(from: number) {
    if (this.targets.has(from)) return this.targets.get(from)!
    const s = this.s
    let at = from
    while (isSpace(s[at])) at++
    const start = at
    while (at < s.length && s[at] !== '(' && s[at] !== ')' && !isSpace(s[at])) at++
    const end = at
    while (isSpace(s[at])) at++
    const target = end > start && s[at] === ')' ? { href: s.slice(start, end), end: at + 1 } : null
    this.targets.set(from, target)
    return target
  }

  /** **strong** or __strong__: opens before a non-space, closes at the next pair on the same line. */
  strongAt(i: number): Span | null {
    const s = this.s
    const pair = s.startsWith('**', i) ? '**' : s.startsWith('__', i) ? '__' : null
    if (!pair || s[i + 2] === undefined || isSpace(s[i + 2])) return null
    const close = this.next(pair, i + 3)
    if (close === -1 || !this.oneLine(i + 2, close)) return null
    return { node: { type: 'strong', children: parseInline(s.slice(i + 2, close)) }, end: close + 2 }
  }

  /** *em*, or _em_ when neither underscore touches a letter or digit outside it. */
  emAt(i: number): Span | null {
    const s = this.s
    const mark = s[i]
    if ((mark !== '*' && mark !== '_') || s[i + 1] === undefined || isSpace(s[i + 1])) return null
    if (mark === '_' && isWordChar(s[i - 1])) return null
    const close = this.next(mark, i + 1)
    if (close <= i + 1 || (mark === '_' && isWordChar(s[close + 1]))) return null
    return { node: { type: 'em', children: parseInline(s.slice(i + 1, close)) }, end: close + 1 }
  }

  /** A bare http(s):// link, up to a space or bracket, without the sentence's closing punctuation. */
  bareLinkAt(i: number): Span | null {
    const s = this.s
    const prefix = s.startsWith('https://', i) ? 8 : s.startsWith('http://', i) ? 7 : 0
    if (!prefix) return null
    let end = i + prefix
    while (end < s.length && !isSpace(s[end]) && !'<>()'.includes(s[end])) end++
    while (end > i + prefix && TRAILING_PUNCTUATION.has(s[end - 1])) end--
    if (end === i + prefix) return null
    const bare = s.slice(i, end)
    const href = safeHref(bare)
    return { node: href ? { type: 'link', href, children: [{ type: 'text', text: bare }] } : { type: 'text', text: bare }, end }
  }
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: { ordered: boolean; items: string[] } | null = null
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) })
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) })
    paragraph = []
    list = null
  }
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd()
    if (!line.trim()) {
      flush()
      continue
    }
    const bullet = BULLET.exec(line)
    const numbered = bullet ? null : NUMBERED.exec(line)
    const item = bullet ?? numbered
    if (item) {
      const ordered = Boolean(numbered)
      if (paragraph.length || (list && list.ordered !== ordered)) flush()
      list ??= { ordered, items: [] }
      list.items.push(item[1].trim())
    } else if (list && /^\s/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`
    } else {
      if (list) flush()
      paragraph.push(line.trim())
    }
  }
  flush()
  return blocks
}

export interface MarkdownStyles {
  paragraph?: CSSProperties
  list?: CSSProperties
  link?: CSSProperties
}

function renderInline(nodes: Inline[], styles: MarkdownStyles): ReactNode {
  return nodes.map((node, i) => {
    if (node.type === 'text') return <Fragment key={i}>{node.text}</Fragment>
    if (node.type !== 'link') {
      const Tag = node.type
      return <Tag key={i}>{renderInline(node.children, styles)}</Tag>
    }
    return (
      <a key={i} href={node.href} style={styles.link}>
        {renderInline(node.children, styles)}
      </a>
    )
  })
}

/** The Markdown as React elements (escaped by React like any text). */
export function Markdown({ source, styles = {} }: { source: string; styles?: MarkdownStyles }) {
  return <MarkdownBlocks blocks={parseMarkdown(source)} styles={styles} />
}

/** Blocks already parsed (a caller may fill in text after parsing, as MP briefings do) as React elements. */
export function MarkdownBlocks({ blocks, styles = {} }: { blocks: Block[]; styles?: MarkdownStyles }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'paragraph') {
          return (
            <p key={i} style={styles.paragraph}>
              {renderInline(block.content, styles)}
            </p>
          )
        }
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item, styles)}</li>)
        return block.ordered ? (
          <ol key={i} style={styles.list}>{items}</ol>
        ) : (
          <ul key={i} style={styles.list}>{items}</ul>
        )
      })}
    </>
  )
}

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text
      if (node.type === 'link') {
        const text = inlineText(node.children)
        const href = node.href.replace(/^mailto:/, '')
        return text === node.href || text === href ? node.href : `${text} (${href})`
      }
      return inlineText(node.children)
    })
    .join('')
}

/** The plain-text part of an email written in Markdown. */
export function markdownToText(source: string): string {
  return blocksToText(parseMarkdown(source))
}

/** The plain text of blocks already parsed. */
export function blocksToText(blocks: Block[]): string {
  return blocks
    .map((block) =>
      block.type === 'paragraph'
        ? inlineText(block.content)
        : block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineText(item)}`).join('\n'),
    )
    .join('\n\n')
}
