import { parseWithZod } from '@conform-to/zod'
import { data } from 'react-router'
import { attributionFromForm, attributionFromUrl } from '~/attribution/codes'
import { CallPanel } from '~/calls/call-panel'
import { callOffer } from '~/calls/calls.server'
import { callCopy } from '~/calls/copy'
import { fill } from '~/i18n/language'
import { translateFieldErrors } from '~/i18n/messages.server'
import { readFormData } from '~/lib/form-data.server'
import { ComposeForm } from '~/letters/compose-form'
import { beginLetter } from '~/letters/compose.server'
import { FindStep, MpAnswerPanel } from '~/letters/find-step'
import { findSchema } from '~/letters/letter-form.server'
import { writeLocale } from '~/letters/locale.server'
import { knownSupporter } from '~/petition/supporter-cookie.server'
import type { Route } from './+types/write'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [
  { title: data?.locale.t.page.title ?? 'Email your MP — Duty of Care campaign' },
  { name: 'description', content: data?.locale.t.page.description ?? '' },
]

export async function loader({ request }: Route.LoaderArgs) {
  return { known: await knownSupporter(request), attribution: attributionFromUrl(request.url), locale: writeLocale(request) }
}

export async function action({ request }: Route.ActionArgs) {
  const { language, t } = writeLocale(request)
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema: findSchema })
  const attribution = attributionFromForm(formData)
  if (submission.status !== 'success') return data({ step: 'find' as const, result: translateFieldErrors(submission.reply(), language), attribution }, { status: 400 })
  const known = await knownSupporter(request)
  const outcome = await beginLetter(submission.value.postcode, { name: known?.name, email: known?.email }, language)
  switch (outcome.status) {
    case 'compose':
      return { step: 'compose' as const, start: outcome.start, call: await callOffer(outcome.start.mp, outcome.start.seat, language), attribution }
    case 'unknown-postcode':
      return data(
        {
          step: 'find' as const,
          result: submission.reply({ fieldErrors: { postcode: [fill(t.find.unknownPostcode, { postcode: outcome.postcode })] } }),
          attribution,
        },
        { status: 400 },
      )
    default: {
      // An MP we cannot email can still be called.
      const call = outcome.status === 'no-email' ? await callOffer(outcome.mp, outcome.seat, language) : null
      return data({ step: 'answer' as const, answer: outcome, call, result: submission.reply(), attribution }, { status: outcome.status === 'unavailable' ? 503 : 200 })
    }
  }
}

export default function Write({ loaderData, actionData }: Route.ComponentProps) {
  const { locale } = loaderData
  const { t } = locale
  const copy = callCopy[locale.language]
  if (actionData?.step === 'compose') {
    const { start, attribution } = actionData
    return (
      <div className="mx-auto max-w-5xl px-4 py-10">
        <h1 className="mb-4 text-3xl font-bold">{t.page.heading}</h1>
        <ComposeForm
          mp={start.mp}
          seatName={start.seat.name}
          prompts={start.prompts}
          template={start.template}
          merge={start.merge}
          defaults={{ subject: start.subject, body: start.body, name: start.known.name, email: start.known.email, town: start.town, postcode: start.postcode }}
          attribution={attribution}
          locale={locale}
        />
        <CallPanel offer={actionData.call} copy={copy} language={locale.language} />
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t.page.heading}</h1>
      <p className="mt-3 max-w-2xl text-lg">{t.page.intro}</p>
      <ol className="mb-8 mt-4 max-w-2xl list-decimal space-y-1 pl-6">
        <li>{t.page.step1}</li>
        <li>{t.page.step2}</li>
        <li>{t.page.step3}</li>
      </ol>
      {actionData?.step === 'answer' ? <MpAnswerPanel answer={actionData.answer} locale={locale} /> : null}
      {actionData?.step === 'answer' && actionData.call ? <CallPanel offer={actionData.call} copy={copy} language={locale.language} /> : null}
      <FindStep result={actionData?.result} defaultPostcode={loaderData.known?.postcode} attribution={actionData?.attribution ?? loaderData.attribution} locale={locale} />
    </div>
  )
}
