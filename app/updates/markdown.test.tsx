import { renderToStaticMarkup } from 'react-dom/server'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Markdown, markdownToText, parseInline, parseMarkdown, safeHref, type Inline } from './markdown'

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />)

describe('the campaign-update Markdown', () => {
  it('renders paragraphs, lists, emphasis and links', () => {
    const source = [
      'MPs debate the Bill on **Tuesday**, and _your_ letters *matter*.',
      'This line joins the paragraph.',
      '',
      '- Email your MP',
      '- Share the [petition](https://campaign.example/#sign)',
      '',
      '1. One',
      '2. Two',
      '',
      'More at https://www.nspcc.org.uk/about-us.',
    ].join('\n')
    expect(html(source)).toBe(
      '<p>MPs debate the Bill on <strong>Tuesday</strong>, and <em>your</em> letters <em>matter</em>. This line joins the paragraph.</p>' +
        '<ul><li>Email your MP</li><li>Share the <a href="https://campaign.example/#sign">petition</a></li></ul>' +
        '<ol><li>One</li><li>Two</li></ol>' +
        '<p>More at <a href="https://www.nspcc.org.uk/about-us">https://www.nspcc.org.uk/about-us</a>.</p>',
    )
  })

  it('escapes HTML and refuses dangerous links', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [data](data:text/html,hi) [rel](/admin)')
    expect(out).not.toContain('<script')
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;script&gt;')
    expect(out).not.toContain('href="javascript')
    expect(out).not.toContain('href="data')
    expect(out).not.toContain('href="/admin"')
    expect(out).toContain('[click](javascript:alert(1))')
  })

  it('keeps snake_case words and lone asterisks as they are', () => {
    expect(html('file_name_here and 2 * 3 = 6')).toBe('<p>file_name_here and 2 * 3 = 6</p>')
  })

  it('has a plain-text form with the links spelled out', () => {
    expect(markdownToText('Hello **all**\n\n- [Sign](https://x.example/a)\n- two\n\n1. first')).toBe(
      'Hello all\n\n- Sign (https://x.example/a)\n- two\n\n1. first',
    )
  })
})

// The regular expression parseInline used to be (quadratic on long runs of [ or *): the
// one-pass scanner must find exactly the same spans, so nothing an admin wrote renders differently.
const OLD_INLINE =
  /\[([^\]\n]+)\]\(\s*([^()\s]+)\s*\)|\*\*(?=\S)(.+?)\*\*|__(?=\S)(.+?)__|\*(?=\S)([^*]+?)\*|(?<![\p{L}\p{N}])_(?=\S)([^_]+?)_(?![\p{L}\p{N}])|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/u

function oldParseInline(source: string): Inline[] {
  const out: Inline[] = []
  let rest = source
  while (rest) {
    const match = OLD_INLINE.exec(rest)
    if (!match) {
      out.push({ type: 'text', text: rest })
      break
    }
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) })
    const [whole, linkText, linkHref, strong, strong2, em, em2, bare] = match
    if (linkText !== undefined) {
      const href = safeHref(linkHref)
      out.push(href ? { type: 'link', href, children: oldParseInline(linkText) } : { type: 'text', text: whole })
    } else if (strong !== undefined || strong2 !== undefined) {
      out.push({ type: 'strong', children: oldParseInline(strong ?? strong2) })
    } else if (em !== undefined || em2 !== undefined) {
      out.push({ type: 'em', children: oldParseInline(em ?? em2) })
    } else {
      const href = safeHref(bare)
      out.push(href ? { type: 'link', href, children: [{ type: 'text', text: bare }] } : { type: 'text', text: bare })
    }
    rest = rest.slice(match.index + whole.length)
  }
  return out
}

describe('inline Markdown in one pass', () => {
  const pieces = ['[', ']', '(', ')', '*', '**', '_', '__', ' ', '\n', '\u2028', 'a', 'é', '1', '.', ',', 'https://x.example/p', 'http://', 'mailto:a@b.example', 'javascript:x', '"', '<', '\t']
  it('finds exactly the spans the old regular expression found', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const source = parts.join('')
        expect(parseInline(source)).toEqual(oldParseInline(source))
      }),
      { numRuns: 20_000 },
    )
  })

  it('reads 200,000 characters of brackets, stars or underscores in seconds, not minutes', () => {
    // A generous bound that only separates one pass from one pass per character (the old pattern took minutes here).
    for (const source of ['['.repeat(200_000), '*'.repeat(200_000), '_'.repeat(200_000), '[a'.repeat(100_000), '*_['.repeat(66_000), `${'['.repeat(100_000)}a](${' '.repeat(100_000)}`, 'http://'.repeat(30_000)]) {
      const started = performance.now()
      expect(parseMarkdown(source).length).toBeGreaterThan(0)
      expect(performance.now() - started, JSON.stringify(source.slice(0, 12))).toBeLessThan(5_000)
    }
  })
})
