import { Link, data, redirect } from 'react-router'
import { attributionFromUrl } from '~/attribution/codes'
import { campaignWords } from '~/campaign/campaign-words.server'
import { countShownFrom } from '~/campaign/content'
import { fill, localePath } from '~/i18n/language'
import { messagesFor, signFormWords, translateFieldErrors } from '~/i18n/messages.server'
import { pageLanguage, welshHomeRedirect } from '~/i18n/resolve.server'
import { readFormData } from '~/lib/form-data.server'
import { CampaignProseSections, type CampaignProse } from '~/campaign/campaign-prose'
import { ServerRenderedBlock, useServerRendered } from '~/components/server-rendered'
import { serverRenderedOnly } from '~/lib/server-rendered.server'
import { helpLines } from '~/campaign/help-lines.server'
import { IntegrityPanel } from '~/petition/integrity-panel'
import { LiveCount } from '~/petition/live-count'
import { signatureCount } from '~/petition/public-counts.server'
import { SignForm } from '~/petition/sign-form'
import { submitSignature } from '~/petition/sign-submission.server'
import { campaignShareCard } from '~/share/og-image.server'
import { shareMeta } from '~/share/share-meta'
import type { Route } from './+types/home'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? fill(loaderData.words.home.title, { title: loaderData.campaign.title }) : 'Duty of Care' },
  { name: 'description', content: loaderData?.words.home.description ?? '' },
  ...shareMeta(loaderData?.share),
]

/**
 * `/` may redirect to `/cy` (a Welsh reader, by their switch cookie or browser: decision 110), so a shared
 * cache must key its copy of `/` on both. (`/cy` says the same: one headers function serves both, and a
 * cache keyed a little too finely only costs hits.)
 */
const HOME_VARY = { Vary: 'Accept-Language, Cookie' }

export function headers() {
  return HOME_VARY
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  if (language === 'en') {
    const welsh = await welshHomeRedirect(request)
    if (welsh) throw redirect(welsh, { headers: { ...HOME_VARY, 'Cache-Control': 'private, no-store' } })
  }
  const [{ count, milestones, integrity }, help] = await Promise.all([signatureCount(), helpLines(language)])
  // The words travel as page data, not as a JavaScript module: the home page's script budget is tight.
  const { campaign, asks, timingAsk, figures, story, context: campaignContext } = campaignWords(language)
  const messages = messagesFor(language)
  const { asksTitle, figuresTitle, source, storyTitle, storySummary, storySource, ...home } = messages.home
  const words = { home, count: messages.count, integrity: messages.integrity, signForm: signFormWords(language) }
  const prose: CampaignProse = {
    asks,
    timingAsk,
    figures,
    source: campaign.source,
    context: campaignContext,
    story,
    help,
    words: { asksTitle, figuresTitle, source, storyTitle, storySummary, storySource },
  }
  return {
    language,
    words,
    campaign: { title: campaign.title, petitionTarget: campaign.petitionTarget, petitionText: campaign.petitionText },
    prose: serverRenderedOnly(context, 'campaign-prose', prose),
    count,
    thresholds: milestones.map((m) => m.threshold),
    countShownFrom,
    integrity,
    share: campaignShareCard(count, '/', language),
    attribution: attributionFromUrl(request.url),
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const language = pageLanguage(request)
  const outcome = await submitSignature(await readFormData(request), { ipAddress: context.clientIp, language })
  if (outcome.status === 'invalid') return data({ result: translateFieldErrors(outcome.result, language), attribution: outcome.attribution }, { status: 400 })
  return redirect(localePath(language, outcome.undeliverable ? '/petition/signed?undeliverable=1' : '/petition/signed'), 303)
}

export default function Home({ loaderData, actionData }: Route.ComponentProps) {
  const serverProse = useServerRendered<CampaignProse>('campaign-prose')
  const { language, words, campaign } = loaderData
  const prose = loaderData.prose ?? serverProse
  const t = words.home
  const at = (path: string) => localePath(language, path)
  return (
    <>
      <section className="bg-brand text-white">
        <div className="mx-auto grid max-w-5xl gap-8 px-4 py-10 md:grid-cols-[3fr_2fr]">
          <div>
            <h1 className="text-4xl font-extrabold leading-tight">{campaign.title}</h1>
            <p className="mt-4 text-lg">{campaign.petitionText}</p>
            <p className="mt-6 flex flex-wrap gap-4">
              <a href="#sign" className="btn bg-white text-brand hover:bg-brand-light hover:text-brand-dark">
                {t.signCta}
              </a>
              <Link to={at('/write')} className="btn border-2 border-white bg-transparent hover:bg-brand-dark">
                {t.writeCta}
              </Link>
            </p>
          </div>
          <div className="self-center rounded-lg bg-brand-dark p-6">
            <LiveCount initialCount={loaderData.count} thresholds={loaderData.thresholds} showFrom={loaderData.countShownFrom} words={words.count} />
            <p className="mt-3"><a href={at('/map')} className="text-white hover:text-white">{t.seeMap}</a></p>
          </div>
        </div>
      </section>

      <div className="mx-auto max-w-5xl px-4">
        {/* On a phone the form comes first, within two screens; the asks, figures and story follow it (decision 095). */}
        <section id="sign" aria-labelledby="sign-title" className="scroll-mt-4 pb-4 pt-8">
          <h2 id="sign-title" className="text-3xl font-bold">{fill(t.signTitle, { target: campaign.petitionTarget })}</h2>
          <p className="mb-6 mt-2 max-w-2xl">{t.signIntro}</p>
          {/* Without JavaScript a failed submit comes back at the form, with its error summary in view (decision 095). */}
          <SignForm
            lastResult={actionData?.result}
            action={language === 'cy' ? '/cy#sign' : '/?index#sign'}
            attribution={actionData?.attribution ?? loaderData.attribution}
            words={words.signForm}
            language={language}
          />
        </section>
        {/* Static prose: on a first visit it is in the HTML once, not again in the page's data (decision 121). */}
        <ServerRenderedBlock id="campaign-prose">{prose ? <CampaignProseSections prose={prose} /> : null}</ServerRenderedBlock>

        <IntegrityPanel count={loaderData.count} integrity={loaderData.integrity} words={words.integrity} language={language} />


        <section aria-labelledby="write-title" className="rounded-lg bg-brand-light p-6">
          <h2 id="write-title" className="text-2xl font-bold">{t.writeTitle}</h2>
          <p className="mt-2 max-w-2xl">{t.writeText}</p>
          <p className="mt-4">
            <Link to={at('/write')} className="btn">{t.writeCta}</Link>
          </p>
        </section>
      </div>
    </>
  )
}
