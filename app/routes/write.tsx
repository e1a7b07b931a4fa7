import { parseWithZod } from '@conform-to/zod'
import { data } from 'react-router'
import { attributionFromForm, attributionFromUrl } from '~/attribution/codes'
import { CallPanel } from '~/calls/call-panel'
import { callOffer } from '~/calls/calls.server'
import { readFormData } from '~/lib/form-data.server'
import { ComposeForm } from '~/letters/compose-form'
import { beginLetter } from '~/letters/compose.server'
import { FindStep, MpAnswerPanel } from '~/letters/find-step'
import { findSchema } from '~/letters/letter-form.server'
import { knownSupporter } from '~/petition/supporter-cookie.server'
import type { Route } from './+types/write'

export const meta: Route.MetaFunction = () => [
  { title: 'Email your MP — Duty of Care campaign' },
  { name: 'description', content: 'Write to your MP in your own words and ask them to back an Online Harms Bill with a legal Duty of Care on tech companies.' },
]

export async function loader({ request }: Route.LoaderArgs) {
  return { known: await knownSupporter(request), attribution: attributionFromUrl(request.url) }
}

export async function action({ request }: Route.ActionArgs) {
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema: findSchema })
  const attribution = attributionFromForm(formData)
  if (submission.status !== 'success') return data({ step: 'find' as const, result: submission.reply(), attribution }, { status: 400 })
  const known = await knownSupporter(request)
  const outcome = await beginLetter(submission.value.postcode, { name: known?.name, email: known?.email })
  switch (outcome.status) {
    case 'compose':
      return { step: 'compose' as const, start: outcome.start, call: await callOffer(outcome.start.mp, outcome.start.seat), attribution }
    case 'unknown-postcode':
      return data(
        {
          step: 'find' as const,
          result: submission.reply({ fieldErrors: { postcode: [`We could not find the postcode ${outcome.postcode}. Check it and try again`] } }),
          attribution,
        },
        { status: 400 },
      )
    default: {
      // An MP we cannot email can still be called.
      const call = outcome.status === 'no-email' ? await callOffer(outcome.mp, outcome.seat) : null
      return data({ step: 'answer' as const, answer: outcome, call, result: submission.reply(), attribution }, { status: outcome.status === 'unavailable' ? 503 : 200 })
    }
  }
}

export default function Write({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData?.step === 'compose') {
    const { start, attribution } = actionData
    return (
      <div className="mx-auto max-w-5xl px-4 py-10">
        <h1 className="mb-4 text-3xl font-bold">Email your MP</h1>
        <ComposeForm
          mp={start.mp}
          seatName={start.seat.name}
          prompts={start.prompts}
          template={start.template}
          merge={start.merge}
          defaults={{ subject: start.subject, body: start.body, name: start.known.name, email: start.known.email, town: start.town, postcode: start.postcode }}
          attribution={attribution}
        />
        <CallPanel offer={actionData.call} />
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">Email your MP</h1>
      <p className="mt-3 max-w-2xl text-lg">
        Your MP votes on the law that would make tech companies responsible for keeping children safe online. A letter from a constituent, in
        their own words, is one of the things that moves MPs most.
      </p>
      <ol className="mb-8 mt-4 max-w-2xl list-decimal space-y-1 pl-6">
        <li>Enter your postcode to find your MP.</li>
        <li>Make our draft letter your own, and add your name and address.</li>
        <li>Check it, then confirm from your email. We send it, and your MP replies to you.</li>
      </ol>
      {actionData?.step === 'answer' ? <MpAnswerPanel answer={actionData.answer} /> : null}
      {actionData?.step === 'answer' && actionData.call ? <CallPanel offer={actionData.call} /> : null}
      <FindStep result={actionData?.result} defaultPostcode={loaderData.known?.postcode} attribution={actionData?.attribution ?? loaderData.attribution} />
    </div>
  )
}
