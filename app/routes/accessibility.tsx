import { Link } from 'react-router'
import { organisation } from '~/lib/organisation.server'
import type { Route } from './+types/accessibility'

export const meta = () => [{ title: 'Accessibility statement — Duty of Care campaign' }]

/** When this statement was last reviewed against the site (a statement must say when it was prepared). */
const REVIEWED = '2 December 2026'

export function loader() {
  return { organisation: organisation() }
}

export default function Accessibility({ loaderData }: Route.ComponentProps) {
  const { organisation } = loaderData
  return (
    <article className="prose-campaign mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-bold">Accessibility statement</h1>
      <p>
        This statement is for the Duty of Care campaign site, run by {organisation.name}. We want as many people as possible to be able to sign the petition and
        email their MP, whatever device or assistive technology they use. You should be able to:
      </p>
      <ul className="mb-4 list-disc pl-6">
        <li>use every form with a keyboard alone, and with JavaScript switched off;</li>
        <li>zoom in: the pages are laid out to fit a narrow phone screen without scrolling sideways (we check them at 390 pixels wide);</li>
        <li>use a screen reader: every form field has a label, and when something is missing a list of the problems at the top of the form links to each field;</li>
        <li>change colours and fonts in your browser: our automated checks test the text contrast against the AA ratios.</li>
      </ul>

      <h2 className="mb-3 mt-8 text-2xl font-bold">How accessible this site is</h2>
      <p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. We believe the site partially meets it: see the known issues below.</p>

      <h2 className="mb-3 mt-8 text-2xl font-bold">How we tested it</h2>
      <ul className="mb-4 list-disc pl-6">
        <li>
          <strong>Automated checks on every build:</strong> our end-to-end tests open the public pages (including this one, the privacy notice, the petition form
          after a failed submit and the error pages) in Chromium, at a phone’s width and a desktop’s, and run the axe-core checker against WCAG 2.2 A and AA rules.
          A serious or critical finding fails the build.
        </li>
        <li>
          <strong>Keyboard:</strong> automated tests fill in and send the petition form with the keyboard alone, and check that after a failed submit the focus
          moves to the list of problems.
        </li>
        <li><strong>Without JavaScript:</strong> automated tests sign the petition and write to an MP with JavaScript switched off.</li>
        <li>
          <strong>Screen readers:</strong> we have not yet tested the site with a screen reader (such as NVDA, JAWS or VoiceOver) or with disabled users. That is
          planned before launch, and this statement will say what it found.
        </li>
      </ul>

      <h2 className="mb-3 mt-8 text-2xl font-bold">Known issues</h2>
      <ul className="mb-4 list-disc pl-6">
        <li>The constituency map draws each of the 650 seats as a small hexagon; on a phone these are smaller targets than WCAG 2.2 asks for. The searchable table under the map lists every seat with its count and a link, and is the way to use it on a small screen.</li>
        <li>When the signature count on the campaign page changes while you are reading, the new figure is not announced to screen readers, so as not to interrupt you; reloading the page reads it.</li>
        <li>How our emails look depends on your email program: we send every email with a plain-text version as well.</li>
      </ul>

      <h2 className="mb-3 mt-8 text-2xl font-bold">Tell us about a problem</h2>
      <p>
        If you find something on this site hard to use, or need what it says in another format (large print, easy read, audio), email{' '}
        <a href={`mailto:${organisation.privacyEmail}`}>{organisation.privacyEmail}</a> or write to {organisation.name}, {organisation.address}. We will reply within
        10 working days.
      </p>

      <h2 className="mb-3 mt-8 text-2xl font-bold">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Equality Act 2010 in England, Scotland and Wales; the Equality Commission
        for Northern Ireland does so in Northern Ireland. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support
        Service (EASS) at <a href="https://www.equalityadvisoryservice.com/">equalityadvisoryservice.com</a> or on 0808 800 0082.
      </p>

      <p className="mt-8 text-sm text-ink-muted">
        This statement was prepared and last reviewed on {REVIEWED}. <Link to="/">Back to the campaign</Link>.
      </p>
    </article>
  )
}
