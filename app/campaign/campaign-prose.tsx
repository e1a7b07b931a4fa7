// The campaign page's long-form words: the four asks, the figures, Emily's story and the help lines beside it.
// Static on the page, so a first visit renders them on the server only (decision 121, ServerRenderedBlock).
import type { campaignWords } from './campaign-words.server'
import type { HelpLines } from './help-lines.server'
import { HelpLinesPanel } from './help-lines'

type CampaignWords = ReturnType<typeof campaignWords>

export interface CampaignProseWords {
  asksTitle: string
  figuresTitle: string
  source: string
  storyTitle: string
  storySummary: string
  storySource: string
}

export interface CampaignProse {
  asks: CampaignWords['asks']
  timingAsk: CampaignWords['timingAsk']
  figures: CampaignWords['figures']
  source: CampaignWords['campaign']['source']
  context: CampaignWords['context']
  story: CampaignWords['story']
  help: HelpLines
  words: CampaignProseWords
}

export function CampaignProseSections({ prose }: { prose: CampaignProse }) {
  const { asks, timingAsk, figures, source, context, story, help, words: t } = prose
  return (
    <>
      <section aria-labelledby="asks-title" className="py-10">
        <h2 id="asks-title" className="text-3xl font-bold">{t.asksTitle}</h2>
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
        <h2 id="figures-title" className="text-3xl font-bold">{t.figuresTitle}</h2>
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
          {t.source} <a href={source.url}>{source.name}</a>, {source.detail}.
        </p>
        <p className="mt-4 max-w-3xl">{context}</p>
      </section>

      <section aria-labelledby="story-title" className="py-6">
        <h2 id="story-title" className="text-3xl font-bold">{t.storyTitle}</h2>
        <p className="mt-3 font-semibold">{story.contentNote}</p>
        <details className="mt-3 max-w-3xl rounded border-2 border-gray-300 p-4">
          <summary className="cursor-pointer font-semibold text-brand">{t.storySummary}</summary>
          <div className="prose-campaign mt-3">
            {story.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
            <p className="text-sm text-ink-muted">{story.namesNote} {t.storySource}</p>
          </div>
        </details>
        {/* Beside the story: where someone it affects can get help (decision 111). */}
        <HelpLinesPanel help={help} headingLevel={3} />
      </section>
    </>
  )
}
