import { Link, data, redirect } from 'react-router'
import { attributionFromUrl } from '~/attribution/codes'
import { asks, campaign, context as campaignContext, countShownFrom, figures, story, timingAsk } from '~/campaign/content'
import { readFormData } from '~/lib/form-data.server'
import { IntegrityPanel } from '~/petition/integrity-panel'
import { LiveCount } from '~/petition/live-count'
import { signatureCount } from '~/petition/public-counts.server'
import { SignForm } from '~/petition/sign-form'
import { submitSignature } from '~/petition/sign-submission.server'
import { campaignShareCard } from '~/share/og-image.server'
import { shareMeta } from '~/share/share-meta'
import type { Route } from './+types/home'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.content.campaign.title ?? 'Duty of Care'} — sign the Duty of Care petition` },
  { name: 'description', content: 'Ask the Prime Minister for an Online Harms Bill with a legal Duty of Care on tech companies. Sign the petition and email your MP.' },
  ...shareMeta(loaderData?.share),
]

export async function loader({ request }: Route.LoaderArgs) {
  const { count, milestones, integrity } = await signatureCount()
  // The words travel as page data, not as a JavaScript module: the home page's script budget is tight.
  const content = { campaign, asks, timingAsk, figures, story, context: campaignContext }
  return {
    count,
    thresholds: milestones.map((m) => m.threshold),
    countShownFrom,
    content,
    integrity,
    share: campaignShareCard(count),
    attribution: attributionFromUrl(request.url),
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const outcome = await submitSignature(await readFormData(request), { ipAddress: context.clientIp })
  if (outcome.status === 'invalid') return data({ result: outcome.result, attribution: outcome.attribution }, { status: 400 })
  return redirect(outcome.undeliverable ? '/petition/signed?undeliverable=1' : '/petition/signed', 303)
}

export default function Home({ loaderData, actionData }: Route.ComponentProps) {
  const { campaign, asks, timingAsk, figures, story, context: campaignContext } = loaderData.content
  return (
    <>
      <section className="bg-brand text-white">
        <div className="mx-auto grid max-w-5xl gap-8 px-4 py-10 md:grid-cols-[3fr_2fr]">
          <div>
            <h1 className="text-4xl font-extrabold leading-tight">{campaign.title}</h1>
            <p className="mt-4 text-lg">{campaign.petitionText}</p>
            <p className="mt-6 flex flex-wrap gap-4">
              <a href="#sign" className="btn bg-white text-brand hover:bg-brand-light hover:text-brand-dark">
                Sign the petition
              </a>
              <Link to="/write" className="btn border-2 border-white bg-transparent hover:bg-brand-dark">
                Email your MP
              </Link>
            </p>
          </div>
          <div className="self-center rounded-lg bg-brand-dark p-6">
            <LiveCount initialCount={loaderData.count} thresholds={loaderData.thresholds} showFrom={loaderData.countShownFrom} />
            <p className="mt-3"><a href="/map" className="text-white hover:text-white">See support in every constituency</a></p>
          </div>
        </div>
      </section>

      <div className="mx-auto max-w-5xl px-4">
        {/* On a phone the form comes first, within two screens; the asks, figures and story follow it (decision 095). */}
        <section id="sign" aria-labelledby="sign-title" className="scroll-mt-4 pb-4 pt-8">
          <h2 id="sign-title" className="text-3xl font-bold">Sign the petition to {campaign.petitionTarget}</h2>
          <p className="mb-6 mt-2 max-w-2xl">It takes a minute. We will email you a link to confirm — your signature counts once you click it.</p>
          {/* Without JavaScript a failed submit comes back at the form, with its error summary in view (decision 095). */}
          <SignForm lastResult={actionData?.result} action="/?index#sign" attribution={actionData?.attribution ?? loaderData.attribution} />
        </section>
        <section aria-labelledby="asks-title" className="py-10">
          <h2 id="asks-title" className="text-3xl font-bold">What the Online Harms Bill must do</h2>
          <ol className="mt-6 grid gap-6 md:grid-cols-2">
            {asks.map((ask, i) => (
              <li key={ask.id} className="rounded-lg border-2 border-brand-light p-5">
                <h3 className="text-xl font-bold">
                  <span aria-hidden="true" className="mr-2 text-accent">{i + 1}.</span>
                  {ask.title}
                </h3>
                <p className="mt-2">{ask.summary}</p>
              </li>
            ))}
          </ol>
          <div className="mt-6 rounded-lg bg-brand-light p-5">
            <h3 className="text-xl font-bold">{timingAsk.title}</h3>
            <p className="mt-2">{timingAsk.summary}</p>
          </div>
        </section>

        <section aria-labelledby="figures-title" className="py-6">
          <h2 id="figures-title" className="text-3xl font-bold">Why it cannot wait</h2>
          <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {figures.map((f) => (
              <li key={f.value + f.label} className="border-l-4 border-accent pl-4">
                <strong className="block text-4xl font-extrabold text-accent-dark">{f.value}</strong>
                <span>{f.label}</span>
                <span className="mt-1 block text-sm text-ink-muted">{f.period}</span>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm text-ink-muted">
            Source: <a href={campaign.source.url}>{campaign.source.name}</a>, {campaign.source.detail}.
          </p>
          <p className="mt-4 max-w-3xl">{campaignContext}</p>
        </section>

        <section aria-labelledby="story-title" className="py-6">
          <h2 id="story-title" className="text-3xl font-bold">Emily’s story</h2>
          <p className="mt-3 font-semibold">{story.contentNote}</p>
          <details className="mt-3 max-w-3xl rounded border-2 border-gray-300 p-4">
            <summary className="cursor-pointer font-semibold text-brand">Read Emily’s story</summary>
            <div className="prose-campaign mt-3">
              {story.paragraphs.map((p) => (
                <p key={p}>{p}</p>
              ))}
              <p className="text-sm text-ink-muted">{story.namesNote} Source: NSPCC.</p>
            </div>
          </details>
        </section>

        <IntegrityPanel count={loaderData.count} integrity={loaderData.integrity} />


        <section aria-labelledby="write-title" className="rounded-lg bg-brand-light p-6">
          <h2 id="write-title" className="text-2xl font-bold">Then email your MP</h2>
          <p className="mt-2 max-w-2xl">MPs decide when this law is made. A letter from a constituent, in your own words, is one of the things that moves them most.</p>
          <p className="mt-4">
            <Link to="/write" className="btn">Email your MP</Link>
          </p>
        </section>
      </div>
    </>
  )
}
