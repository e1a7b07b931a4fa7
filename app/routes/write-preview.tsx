import { parseWithZod } from '@conform-to/zod'
import { Link } from 'react-router'
import { localePath } from '~/i18n/language'
import { translateFieldErrors } from '~/i18n/messages.server'
import { readFormData } from '~/lib/form-data.server'
import { ComposeForm } from '~/letters/compose-form'
import { composeAgain } from '~/letters/compose-again.server'
import { previewLetter } from '~/letters/compose.server'
import { LETTER_FORM_LIMITS, letterSchema } from '~/letters/letter-form.server'
import { writeLocale } from '~/letters/locale.server'
import { PreviewStep } from '~/letters/preview-step'
import type { Route } from './+types/write-preview'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [{ title: data?.locale.t.page.previewTitle ?? 'Check your letter — Email your MP — Duty of Care campaign' }]

export function loader({ request }: Route.LoaderArgs) {
  return { locale: writeLocale(request) }
}

export async function action({ request }: Route.ActionArgs) {
  const { language, t } = writeLocale(request)
  const formData = await readFormData(request, LETTER_FORM_LIMITS)
  const submission = parseWithZod(formData, { schema: letterSchema })
  const again = (result: Parameters<typeof composeAgain>[1], status: number, formError?: string) =>
    composeAgain(formData, translateFieldErrors(result, language), status, formError, language)
  if (submission.status !== 'success') return again(submission.reply(), 400)
  if (formData.get('intent') === 'edit') return again(submission.reply(), 200)
  const outcome = await previewLetter(submission.value, language)
  switch (outcome.status) {
    case 'preview':
      return { step: 'preview' as const, preview: outcome.preview }
    case 'postcode-problem':
      return again(submission.reply({ fieldErrors: { postcode: [outcome.message] } }), 400)
    case 'unavailable':
      return again(submission.reply(), 503, t.compose.unavailable)
  }
}

export default function WritePreview({ loaderData, actionData }: Route.ComponentProps) {
  const { locale } = loaderData
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-4 text-3xl font-bold">{locale.t.page.heading}</h1>
      {actionData?.step === 'preview' ? (
        <PreviewStep {...actionData.preview} locale={locale} />
      ) : actionData?.step === 'compose' ? (
        <ComposeForm {...actionData.context} result={actionData.result} formError={actionData.formError} locale={locale} />
      ) : (
        <p>
          <Link to={localePath(locale.language, '/write')}>{locale.t.page.startLink}</Link> {locale.t.page.startAfter}
        </p>
      )}
    </div>
  )
}
