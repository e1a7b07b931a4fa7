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
const INLINE =
  /\[([^\]\n]+)\]\(\s*([^()\s]+)\s*\)|\*\*(?=\S)(.+?)\*\*|__(?=\S)(.+?)__|\*(?=\S)([^*]+?)\*|(?<![\p{L}\p{N}])_(?=\S)([^_]+?)_(?![\p{L}\p{N}])|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/u

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

export function parseInline(source: string): Inline[] {
  const out: Inline[] = []
  let rest = source
  while (rest) {
    const match = INLINE.exec(rest)
    if (!match) {
      out.push({ type: 'text', text: rest })
      break
    }
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) })
    const [whole, linkText, linkHref, strong, strong2, em, em2, bare] = match
    if (linkText !== undefined) {
      const href = safeHref(linkHref)
      out.push(href ? { type: 'link', href, children: parseInline(linkText) } : { type: 'text', text: whole })
    } else if (strong !== undefined || strong2 !== undefined) {
      out.push({ type: 'strong', children: parseInline(strong ?? strong2) })
    } else if (em !== undefined || em2 !== undefined) {
      out.push({ type: 'em', children: parseInline(em ?? em2) })
    } else {
      const href = safeHref(bare)
      out.push(href ? { type: 'link', href, children: [{ type: 'text', text: bare }] } : { type: 'text', text: bare })
    }
    rest = rest.slice(match.index + whole.length)
  }
  return out
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
  return (
    <>
      {parseMarkdown(source).map((block, i) => {
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
  return parseMarkdown(source)
    .map((block) =>
      block.type === 'paragraph'
        ? inlineText(block.content)
        : block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineText(item)}`).join('\n'),
    )
    .join('\n\n')
}
