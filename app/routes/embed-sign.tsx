import { data, redirect } from 'react-router'
import { attributionFromUrl } from '~/attribution/codes'
import { campaignWords } from '~/campaign/campaign-words.server'
import { RichText } from '~/components/rich-text'
import { partnerCode, withPartner } from '~/embed/partner'
import { widgetLanguage, widgetLanguageParams } from '~/embed/widget-language'
import { localePath } from '~/i18n/language'
import { env } from '~/lib/env.server'
import { readFormData } from '~/lib/form-data.server'
import type { PageHandle } from '~/lib/page-handle'
import { formatNumber } from '~/lib/format'
import { signatureCount } from '~/petition/public-counts.server'
import { messagesFor, signFormWords, translateFieldErrors } from '~/i18n/messages.server'
import { SignForm } from '~/petition/sign-form'
import { submitSignature } from '~/petition/sign-submission.server'
import type { Route } from './+types/embed-sign'

// Framed on partners' sites: the whole sign form, posting to this page (our origin, so no cookie and no
// cross-site request is involved), then "check your email" here too, inside the frame. Welsh with ?lang=cy
// (decision 119), which every address it makes carries on.
export const handle: PageHandle = { hydrate: false, bare: true }

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.t.signTitle ?? 'Sign the Duty of Care petition' },
  { name: 'robots', content: 'noindex' },
]

function partnerOf(request: Request) {
  return partnerCode(new URL(request.url).searchParams.get('partner'))
}

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const partner = partnerOf(request)
  const language = widgetLanguage(url)
  const messages = messagesFor(language)
  const { count } = await signatureCount()
  const answer = url.searchParams.get('signed') === '1' ? 'signed' : url.searchParams.get('undeliverable') === '1' ? 'undeliverable' : null
  return {
    count,
    title: campaignWords(language).campaign.title,
    answer,
    action: withPartner('/embed/sign', partner, widgetLanguageParams(language)),
    attribution: attributionFromUrl(request.url),
    campaignUrl: `${env().APP_URL}${withPartner(localePath(language, '/'), partner)}`,
    language,
    t: messages.embed,
    opensInNewTab: messages.form.opensInNewTab,
    words: signFormWords(language),
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const language = widgetLanguage(request.url)
  const outcome = await submitSignature(await readFormData(request), { ipAddress: context.clientIp, language })
  if (outcome.status === 'invalid') return data({ result: translateFieldErrors(outcome.result, language), attribution: outcome.attribution }, { status: 400 })
  const answer: Record<string, string> = outcome.undeliverable ? { undeliverable: '1' } : { signed: '1' }
  return redirect(withPartner('/embed/sign', partnerOf(request), { ...widgetLanguageParams(language), ...answer }), 303)
}

export default function EmbedSign({ loaderData, actionData }: Route.ComponentProps) {
  const { count, title, answer, action, campaignUrl, attribution, t, language, opensInNewTab } = loaderData
  return (
    <div className="p-5" lang={language === 'cy' ? 'cy' : undefined}>
      <div className="rounded-lg bg-brand p-5 text-white">
        <p className="text-sm font-bold uppercase tracking-wide">{t.label}</p>
        <h1 className="mt-1 text-xl font-bold leading-tight">{title}</h1>
        <p className="mt-3">
          <strong className="text-3xl font-extrabold" data-testid="signature-count">{formatNumber(count)}</strong>{' '}
          {count === 1 ? t.signedOne : t.signedMany}
        </p>
      </div>
      {answer === 'signed' ? (
        <div className="mt-5" role="status">
          <h2 className="text-2xl font-bold">{t.checkHeading}</h2>
          <p className="mt-2">{t.checkText}</p>
          <p className="mt-2 text-sm">
            <RichText message={t.checkNoEmail} links={{ again: action }} />
          </p>
        </div>
      ) : answer === 'undeliverable' ? (
        <div className="mt-5" role="status">
          <h2 className="text-2xl font-bold">{t.undeliverableHeading}</h2>
          <p className="mt-2">{t.undeliverableText}</p>
          <p className="mt-2"><a href={action}>{t.signOther}</a></p>
        </div>
      ) : (
        <div className="mt-5">
          <h2 className="mb-3 text-2xl font-bold">{t.addName}</h2>
          <SignForm lastResult={actionData?.result} action={action} attribution={actionData?.attribution ?? attribution} framed words={loaderData.words} language={language} />
        </div>
      )}
      <p className="mt-5 text-sm">
        <a href={campaignUrl} target="_blank" rel="noopener">
          {t.readMore}<span className="sr-only"> {opensInNewTab}</span>
        </a>
      </p>
    </div>
  )
}
