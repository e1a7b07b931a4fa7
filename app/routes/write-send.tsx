import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, redirect } from 'react-router'
import { readFormData } from '~/lib/form-data.server'
import { composeAgain } from '~/letters/compose-again.server'
import { ComposeForm } from '~/letters/compose-form'
import { recordOwnMail, requestLetter } from '~/letters/compose.server'
import { LETTER_FORM_LIMITS, letterSchema } from '~/letters/letter-form.server'
import { HiddenLetterFields, OwnMailStep } from '~/letters/preview-step'
import type { Route } from './+types/write-send'

export const meta = () => [{ title: 'Send your letter — Email your MP — Duty of Care campaign' }]

function tryAgainIn(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  return `You have sent several letters in a short time. Please try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await readFormData(request, LETTER_FORM_LIMITS)
  const submission = parseWithZod(formData, { schema: letterSchema })
  if (submission.status !== 'success') return composeAgain(formData, submission.reply(), 400)
  const meta = { ipAddress: context.clientIp }
  const problem = (message: string, status: number) => data({ step: 'problem' as const, message, values: submission.value }, { status })

  if (formData.get('intent') === 'own-mail') {
    const outcome = await recordOwnMail(submission.value, meta)
    switch (outcome.status) {
      case 'ready':
        return { step: 'own-mail' as const, mpName: outcome.lookup.mp.name, to: outcome.to, subject: outcome.subject, links: outcome.links }
      case 'postcode-problem':
        return composeAgain(formData, submission.reply({ fieldErrors: { postcode: [outcome.message] } }), 400)
      case 'unavailable':
        return problem('We could not check your postcode just now. Nothing is lost: please try again in a minute.', 503)
      case 'rate-limited':
        return problem(tryAgainIn(outcome.retryAfterSeconds), 429)
    }
  }

  const outcome = await requestLetter(submission.value, meta)
  switch (outcome.status) {
    case 'requested':
      return redirect('/write/check-email', 303)
    case 'postcode-problem':
      return composeAgain(formData, submission.reply({ fieldErrors: { postcode: [outcome.message] } }), 400)
    case 'unavailable':
      return problem('We could not check your postcode just now. Nothing is lost: please try again in a minute.', 503)
    case 'rate-limited':
      return problem(tryAgainIn(outcome.retryAfterSeconds), 429)
  }
}

export default function WriteSend({ actionData }: Route.ComponentProps) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-4 text-3xl font-bold">Email your MP</h1>
      {actionData?.step === 'own-mail' ? (
        <OwnMailStep mpName={actionData.mpName} to={actionData.to} subject={actionData.subject} links={actionData.links} />
      ) : actionData?.step === 'compose' ? (
        <ComposeForm {...actionData.context} result={actionData.result} formError={actionData.formError} />
      ) : actionData?.step === 'problem' ? (
        <div role="alert" className="max-w-2xl rounded border-4 border-warn p-5">
          <h2 className="text-2xl font-bold">Your letter has not been sent yet</h2>
          <p className="mt-2">{actionData.message}</p>
          <Form method="post" action="/write/preview" className="mt-4">
            <HiddenLetterFields values={actionData.values} />
            <button type="submit" name="intent" value="edit" className="btn-secondary">
              Back to my letter
            </button>
          </Form>
        </div>
      ) : (
        <p>
          <Link to="/write">Start with your postcode</Link> to write to your MP.
        </p>
      )}
    </div>
  )
}
