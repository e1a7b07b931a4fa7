import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Markdown, markdownToText } from './markdown'

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
