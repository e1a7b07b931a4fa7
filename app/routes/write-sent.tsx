import { Link, useSearchParams } from 'react-router'
import { HelpLinesPanel } from '~/campaign/help-lines'
import { helpLines } from '~/campaign/help-lines.server'
import { pageLanguage } from '~/i18n/resolve.server'
import type { Route } from './+types/write-sent'

export const meta = () => [{ title: 'Your letter is on its way — Duty of Care campaign' }]

/** Where to get help (decision 111), in the page's language. */
export async function loader({ request }: Route.LoaderArgs) {
  return { help: await helpLines(pageLanguage(request)) }
}

export default function WriteSent({ loaderData }: Route.ComponentProps) {
  const [params] = useSearchParams()
  const again = params.get('again') === '1'
  if (params.get('held') === '1') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div className="rounded-lg bg-accent p-6 text-white">
          <h1 className="text-3xl font-bold">Thank you — your letter is confirmed</h1>
          <p className="mt-2 text-lg">
            Your MP’s email address is not accepting mail at the moment, so we are keeping your letter safe and our team is fixing the
            address. We will send it as soon as we can, and email you a copy when it goes. You do not need to do anything.
          </p>
        </div>
        <p className="mt-8">
          Meanwhile, ask friends and family to <Link to="/write">write to their MP</Link> too — and to <Link to="/#sign">sign the petition</Link>.
        </p>
        <HelpLinesPanel help={loaderData.help} />
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{again ? 'Your letter has already been sent' : 'Thank you — your letter is on its way'}</h1>
        <p className="mt-2 text-lg">
          {again
            ? 'We send each letter once, and yours is confirmed. Opening the link again changes nothing.'
            : 'We are sending it to your MP now, and a copy to you. Their reply will come straight to your email.'}
        </p>
      </div>
      <h2 className="mt-10 text-2xl font-bold">What happens next</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>MPs’ offices can take a few weeks to reply. In two weeks we will ask you, once, whether yours did.</li>
        <li>
          Ask friends and family to <Link to="/write">write to their MP</Link> too — and to <Link to="/#sign">sign the petition</Link>.
        </li>
      </ul>
      <HelpLinesPanel help={loaderData.help} />
    </div>
  )
}
