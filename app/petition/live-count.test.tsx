// Social proof that works on launch day (decision 095): below the campaign's threshold the page
// invites the first signers instead of showing "0 people have signed" and an empty bar.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { countShownFrom } from '~/campaign/content'
import { LiveCount } from './live-count'
import { en } from '~/i18n/en.server'

const render = (count: number) => renderToStaticMarkup(<LiveCount initialCount={count} thresholds={[10_000]} showFrom={countShownFrom} words={en.count} />)

describe('the live count on the campaign page', () => {
  it('invites people to be among the first below the threshold, with no number and no bar', () => {
    for (const count of [0, 1, countShownFrom - 1]) {
      const html = render(count)
      expect(html).toContain('Be one of the first to sign')
      expect(html).not.toContain('signed')
      expect(html).not.toContain('progressbar')
    }
  })

  it('shows the count and the progress bar from the threshold on', () => {
    const html = render(countShownFrom)
    expect(html).toContain(`>${countShownFrom}</strong> people have signed`)
    expect(html).toContain('role="progressbar"')
    expect(html).not.toContain('Be one of the first')
  })
})
