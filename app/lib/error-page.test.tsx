// One error page (decision 075): the server's own answers (503, 400, cross-site 403) and the app's ErrorBoundary
// render the same markup, escaped like any React output.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { errorDocument } from './error-document.server'
import { ErrorMessage } from './error-page'

describe('error page', () => {
  it('is one piece of markup, whole for the server and inside the layout for the app', () => {
    const message = { heading: 'Sorry, we are very busy', paragraphs: ['Try again <soon> & thanks'] }
    const inner = renderToStaticMarkup(<ErrorMessage {...message} />)
    const page = errorDocument({ ...message, stylesheet: '/assets/app-x.css' })
    expect(page.startsWith('<!doctype html><html lang="en-GB">')).toBe(true)
    expect(page).toContain(`<main id="main">${inner}</main>`)
    expect(page).toContain('<title>Sorry, we are very busy — Duty of Care</title>')
    expect(page).toContain('<link rel="stylesheet" href="/assets/app-x.css"/>')
    expect(inner).toContain('<h1 class="text-3xl font-bold">Sorry, we are very busy</h1>')
    expect(inner).toContain('<p class="mt-4">Try again &lt;soon&gt; &amp; thanks</p>')
    expect(inner).toContain('<a href="/">Back to the campaign</a>')
    expect(renderToStaticMarkup(<ErrorMessage {...message} backLink={false} />)).not.toContain('Back to the campaign')
  })
})
