import { Link } from 'react-router'
import { privacyVersion } from '~/campaign/content'
import { organisation } from '~/lib/organisation.server'
import { retention } from '~/campaign/retention'
import type { Route } from './+types/privacy'

export const meta = () => [{ title: 'Privacy notice — Duty of Care campaign' }]

export function loader() {
  return { organisation: organisation() }
}

export default function Privacy({ loaderData }: Route.ComponentProps) {
  const { organisation } = loaderData
  return (
    <article className="prose-campaign mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-bold">How we use your information</h1>
      <p>This notice explains, in plain English, what the Duty of Care campaign collects when you sign the petition or email your MP, why, how long we keep it, who can see it, and your rights under UK data protection law (UK GDPR and the Data Protection Act 2018).</p>

      <h2 className="mb-3 mt-8 text-2xl font-bold">Who we are</h2>
      <p>
        The campaign is run by <strong>{organisation.name}</strong> (registered charity number {organisation.charityNumber}), {organisation.address}.
        {' '}{organisation.name} is the <strong>data controller</strong> for the information you give us here: it decides how it is used and is responsible for looking after it.
      </p>
      <p>
        For any question about your data, or to use any of your rights, email <a href={`mailto:${organisation.privacyEmail}`}>{organisation.privacyEmail}</a> or write to us at the address above.
        {' '}Our website: <a href={organisation.url}>{organisation.url}</a>.
      </p>

      <h2 className="mb-3 mt-8 text-2xl font-bold">What we collect</h2>
      <ul className="mb-4 list-disc pl-6">
        <li><strong>When you sign:</strong> your full name, email address and postcode; whether you asked for campaign updates; when you signed and confirmed; the internet address (IP) your signature came from.</li>
        <li><strong>When you email your MP:</strong> your name, email, postal address, postcode, optional phone number, and the letter you wrote.</li>
        <li><strong>When you tell us you called your MP:</strong> only which MP and constituency, and when — nothing about you. To stop one connection counting many calls, we keep a count per internet address for an hour.</li>
      </ul>
      <p>We do not use advertising or tracking cookies. We set a cookie only to remember, for a day, that you have just confirmed your signature (so we can fill in your details if you go on to email your MP), and — for campaign staff only — to keep them signed in.</p>

      <h2 className="mb-3 mt-8 text-2xl font-bold">Why</h2>
      <ul className="mb-4 list-disc pl-6">
        <li>To count your signature once, and to show Parliament how much support there is in each constituency and nation. Your postcode is turned into a constituency; your name and email are never published.</li>
        <li>To send your letter to your MP, who needs your name and address to know you are a constituent and to reply to you.</li>
        <li>Two weeks after your letter is sent, to ask you once whether your MP replied — your answer only feeds anonymous figures on how MPs respond.</li>
        <li>To protect the petition from fake and duplicate signatures (that is why we keep the IP address).</li>
        <li>To send you campaign updates — only if you ticked the box. Every update has a one-click unsubscribe link.</li>
      </ul>
      <p>Our lawful basis is your consent for updates, and our legitimate interest in running a fair, verifiable petition for everything else.</p>

      <h2 className="mb-3 mt-8 text-2xl font-bold">How long we keep it</h2>
      <ul className="mb-4 list-disc pl-6">
        <li>Signatures and letters you never confirm are deleted after {retention.unconfirmedDays} days.</li>
        <li>The text of a letter to your MP is erased {retention.letterBodyDays} days after it has been delivered. We keep the fact that a letter was sent, and to which MP.</li>
        <li>{retention.afterCloseMonths} months after the campaign closes, we anonymise all names, email addresses and postal addresses. Only the counts by constituency and nation remain.</li>
        <li>If an email to you bounces or is reported as spam, we note the address so that we never email it again. Our email service’s reports on each email are deleted after {retention.deliveryReportDays} days.</li>
      </ul>

      <h2 className="mb-3 mt-8 text-2xl font-bold">Who sees it</h2>
      <ul className="mb-4 list-disc pl-6">
        <li>A small number of named campaign staff, who sign in to a protected dashboard. Most of them see only totals.</li>
        <li>Your MP and their office, for letters you choose to send — and only that letter and your details on it.</li>
        <li>Resend, the email service we use to send our emails and your letters, acting on our instructions.</li>
        <li>postcodes.io, which receives your postcode (never your name or email) to tell us your constituency.</li>
      </ul>
      <p>We never sell or swap your data.</p>

      <h2 className="mb-3 mt-8 text-2xl font-bold">Your rights</h2>
      <p>You can ask for a copy of everything we hold about you, ask us to correct it, or ask us to delete it; you can withdraw consent to updates at any time. Please tell us first if you are unhappy with how we handle your data ({organisation.privacyEmail}), and we will try to put it right.</p>
      <p>You also have the right to complain to the Information Commissioner’s Office, the UK’s data protection regulator, at any time: <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a> or by phone on 0303 123 1113.</p>
      <p className="mt-4">To download a copy of everything we hold about you, or to have it erased, go to <Link to="/my-data">see or erase your data</Link>. We email a link to your address first, so that only you can do it. Erasing keeps your confirmed signature in the totals, with nothing left that says it was yours. Every campaign update also has a one-click unsubscribe link.</p>

      <p className="mt-8 text-sm text-ink-muted">Version {privacyVersion}. <Link to="/">Back to the campaign</Link>.</p>
    </article>
  )
}
