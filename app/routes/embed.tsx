import { campaignWords } from '~/campaign/campaign-words.server'
import { partnerCode, withPartner } from '~/embed/partner'
import { widgetLanguage } from '~/embed/widget-language'
import { localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { env } from '~/lib/env.server'
import type { PageHandle } from '~/lib/page-handle'
import { formatNumber } from '~/lib/format'
import { signatureCount } from '~/petition/public-counts.server'
import type { Route } from './+types/embed'

// Framed on partners' sites (server/http.ts lets only /embed and /embed/sign be framed): HTML and CSS only, no cookies.
// Welsh with ?lang=cy (decision 119): the widget's words say lang="cy"; the framing page's <html> is the partner's own.
export const handle: PageHandle = { hydrate: false, bare: true }

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.t.countTitle ?? 'Duty of Care petition — the count so far' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const language = widgetLanguage(url)
  const partner = partnerCode(url.searchParams.get('partner'))
  const { count } = await signatureCount()
  const messages = messagesFor(language)
  return {
    count,
    language,
    t: messages.embed,
    opensInNewTab: messages.form.opensInNewTab,
    title: campaignWords(language).campaign.title,
    signUrl: `${env().APP_URL}${withPartner(localePath(language, '/'), partner)}#sign`,
  }
}

export default function Embed({ loaderData }: Route.ComponentProps) {
  const { count, title, signUrl, t, language, opensInNewTab } = loaderData
  return (
    <div className="bg-brand p-5 text-white" lang={language === 'cy' ? 'cy' : undefined}>
      <p className="text-sm font-bold uppercase tracking-wide">{t.label}</p>
      <h1 className="mt-1 text-xl font-bold leading-tight">{title}</h1>
      <p className="mt-3">
        <strong className="block text-4xl font-extrabold" data-testid="signature-count">{formatNumber(count)}</strong>{' '}
        {count === 1 ? t.signedOne : t.signedMany}
      </p>
      <p className="mt-4">
        <a href={signUrl} target="_blank" rel="noopener" className="btn bg-white text-brand hover:bg-brand-light hover:text-brand-dark">
          {t.sign}<span className="sr-only"> {opensInNewTab}</span>
        </a>
      </p>
    </div>
  )
}
