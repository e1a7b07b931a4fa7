import { data, redirect } from 'react-router'
import { attributionFromUrl } from '~/attribution/codes'
import { campaign } from '~/campaign/content'
import { partnerCode, withPartner } from '~/embed/partner'
import { env } from '~/lib/env.server'
import { readFormData } from '~/lib/form-data.server'
import type { PageHandle } from '~/lib/page-handle'
import { formatNumber } from '~/lib/format'
import { signatureCount } from '~/petition/public-counts.server'
import { signFormWords } from '~/i18n/messages.server'
import { SignForm } from '~/petition/sign-form'
import { submitSignature } from '~/petition/sign-submission.server'
import type { Route } from './+types/embed-sign'

// Framed on partners' sites: the whole sign form, posting to this page (our origin, so no cookie and no
// cross-site request is involved), then "check your email" here too, inside the frame.
export const handle: PageHandle = { hydrate: false, bare: true }

export const meta = () => [{ title: 'Sign the Duty of Care petition' }, { name: 'robots', content: 'noindex' }]

function partnerOf(request: Request) {
  return partnerCode(new URL(request.url).searchParams.get('partner'))
}

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const partner = partnerOf(request)
  const { count } = await signatureCount()
  const answer = url.searchParams.get('signed') === '1' ? 'signed' : url.searchParams.get('undeliverable') === '1' ? 'undeliverable' : null
  return {
    count,
    title: campaign.title,
    answer,
    action: withPartner('/embed/sign', partner),
    attribution: attributionFromUrl(request.url),
    campaignUrl: `${env().APP_URL}${withPartner('/', partner)}`,
    /** The widget is English only (its partners' pages are). */
    words: signFormWords('en'),
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const outcome = await submitSignature(await readFormData(request), { ipAddress: context.clientIp })
  if (outcome.status === 'invalid') return data({ result: outcome.result, attribution: outcome.attribution }, { status: 400 })
  return redirect(withPartner('/embed/sign', partnerOf(request), outcome.undeliverable ? { undeliverable: '1' } : { signed: '1' }), 303)
}

export default function EmbedSign({ loaderData, actionData }: Route.ComponentProps) {
  const { count, title, answer, action, campaignUrl, attribution } = loaderData
  return (
    <div className="p-5">
      <div className="rounded-lg bg-brand p-5 text-white">
        <p className="text-sm font-bold uppercase tracking-wide">Duty of Care petition</p>
        <h1 className="mt-1 text-xl font-bold leading-tight">{title}</h1>
        <p className="mt-3">
          <strong className="text-3xl font-extrabold" data-testid="signature-count">{formatNumber(count)}</strong>{' '}
          {count === 1 ? 'person has' : 'people have'} signed
        </p>
      </div>
      {answer === 'signed' ? (
        <div className="mt-5" role="status">
          <h2 className="text-2xl font-bold">Check your email</h2>
          <p className="mt-2">We have sent you an email with a link. Click it to confirm your signature — it only counts once you do.</p>
          <p className="mt-2 text-sm">No email after a few minutes? Look in your spam folder, or <a href={action}>sign again</a> with the right address.</p>
        </div>
      ) : answer === 'undeliverable' ? (
        <div className="mt-5" role="status">
          <h2 className="text-2xl font-bold">We cannot email that address</h2>
          <p className="mt-2">Emails to it were returned or reported as spam, and your signature only counts once you click the link we email.</p>
          <p className="mt-2"><a href={action}>Sign with another email address</a></p>
        </div>
      ) : (
        <div className="mt-5">
          <h2 className="mb-3 text-2xl font-bold">Add your name</h2>
          <SignForm lastResult={actionData?.result} action={action} attribution={actionData?.attribution ?? attribution} framed words={loaderData.words} />
        </div>
      )}
      <p className="mt-5 text-sm">
        <a href={campaignUrl} target="_blank" rel="noopener">
          Read more about the campaign<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
    </div>
  )
}
