import { parseWithZod } from '@conform-to/zod'
import { Link } from 'react-router'
import { readFormData } from '~/lib/form-data.server'
import { ComposeForm } from '~/letters/compose-form'
import { composeAgain } from '~/letters/compose-again.server'
import { previewLetter } from '~/letters/compose.server'
import { LETTER_FORM_LIMITS, letterSchema } from '~/letters/letter-form.server'
import { PreviewStep } from '~/letters/preview-step'
import type { Route } from './+types/write-preview'

export const meta = () => [{ title: 'Check your letter — Email your MP — Duty of Care campaign' }]

export async function action({ request }: Route.ActionArgs) {
  const formData = await readFormData(request, LETTER_FORM_LIMITS)
  const submission = parseWithZod(formData, { schema: letterSchema })
  if (submission.status !== 'success') return composeAgain(formData, submission.reply(), 400)
  if (formData.get('intent') === 'edit') return composeAgain(formData, submission.reply(), 200)
  const outcome = await previewLetter(submission.value)
  switch (outcome.status) {
    case 'preview':
      return { step: 'preview' as const, preview: outcome.preview }
    case 'postcode-problem':
      return composeAgain(formData, submission.reply({ fieldErrors: { postcode: [outcome.message] } }), 400)
    case 'unavailable':
      return composeAgain(formData, submission.reply(), 503, 'We could not check your postcode just now. Nothing is lost: press “Preview my letter” again in a minute.')
  }
}

export default function WritePreview({ actionData }: Route.ComponentProps) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-4 text-3xl font-bold">Email your MP</h1>
      {actionData?.step === 'preview' ? (
        <PreviewStep {...actionData.preview} />
      ) : actionData?.step === 'compose' ? (
        <ComposeForm {...actionData.context} result={actionData.result} formError={actionData.formError} />
      ) : (
        <p>
          <Link to="/write">Start with your postcode</Link> to write to your MP.
        </p>
      )}
    </div>
  )
}
