import { Link, useSearchParams } from 'react-router'
import { HelpLinesPanel } from '~/campaign/help-lines'
import { helpLines } from '~/campaign/help-lines.server'
import { fill, localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import { env } from '~/lib/env.server'
import { formatNumber } from '~/lib/format'
import { referralLinkFor } from '~/petition/referral.server'
import { signatureCount } from '~/petition/public-counts.server'
import { campaignShareCard } from '~/share/og-image.server'
import { ShareButtons } from '~/share/share-buttons'
import { shareMeta } from '~/share/share-meta'
import type { Route } from './+types/petition-thanks'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.t.title ?? 'Thank you for signing — Duty of Care petition' },
  ...shareMeta(loaderData?.share),
]

// The signer who has just confirmed sees their own link (the supporter cookie the confirm button set):
// never a copy kept by a shared cache.
export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  const [{ count }, referral, help] = await Promise.all([signatureCount(), referralLinkFor(request), helpLines(language)])
  const messages = messagesFor(language)
  return {
    shareUrl: referral?.url ?? `${env().APP_URL}${localePath(language, '/')}`,
    signedThrough: referral ? referral.signedThrough : null,
    share: campaignShareCard(count, '/', language),
    language,
    t: messages.thanks,
    shareWords: { ...messages.share, opensInNewTab: messages.form.opensInNewTab },
    help,
  }
}

function signedThroughSentence(n: number, t: { nobodyYet: string; signedThroughOne: string; signedThroughMany: string }) {
  if (n === 0) return t.nobodyYet
  return fill(n === 1 ? t.signedThroughOne : t.signedThroughMany, { count: formatNumber(n) })
}

export default function PetitionThanks({ loaderData }: Route.ComponentProps) {
  const [params] = useSearchParams()
  const again = params.get('again') === '1'
  const { t, language } = loaderData
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{again ? t.againHeading : t.heading}</h1>
        <p className="mt-2 text-lg">{again ? t.againText : t.text}</p>
      </div>
      <h2 className="mt-10 text-2xl font-bold">{t.writeTitle}</h2>
      <p className="mt-2">{t.writeText}</p>
      <p className="mt-4">
        <Link to={localePath(language, '/write')} className="btn">{t.writeButton}</Link>
      </p>
      <h2 className="mt-10 text-2xl font-bold">{t.shareTitle}</h2>
      <p className="mb-4 mt-2">{t.shareText}</p>
      {loaderData.signedThrough === null ? null : (
        <p className="mb-4 font-semibold" data-testid="signed-through">
          {t.yourLink} {signedThroughSentence(loaderData.signedThrough, t)}
        </p>
      )}
      <ShareButtons url={loaderData.shareUrl} words={loaderData.shareWords} />
      <p className="mt-8">
        <a href={localePath(language, '/map')}>{t.mapLink}</a>
      </p>
      <HelpLinesPanel help={loaderData.help} />
    </div>
  )
}
