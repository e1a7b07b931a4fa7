import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, redirect } from 'react-router'
import { fill, localePath } from '~/i18n/language'
import { translateFieldErrors } from '~/i18n/messages.server'
import { readFormData } from '~/lib/form-data.server'
import { composeAgain } from '~/letters/compose-again.server'
import { ComposeForm } from '~/letters/compose-form'
import { recordOwnMail, requestLetter } from '~/letters/compose.server'
import { LETTER_FORM_LIMITS, letterSchema } from '~/letters/letter-form.server'
import { writeLocale } from '~/letters/locale.server'
import { HiddenLetterFields, OwnMailStep } from '~/letters/preview-step'
import type { WriteWords } from '~/letters/words'
import type { Route } from './+types/write-send'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [{ title: data?.locale.t.page.sendTitle ?? 'Send your letter — Email your MP — Duty of Care campaign' }]

function tryAgainIn(seconds: number, t: WriteWords) {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  return fill(t.send.rateLimited, { when: minutes === 1 ? t.send.aMinute : fill(t.send.minutes, { count: minutes }) })
}

export function loader({ request }: Route.LoaderArgs) {
  return { locale: writeLocale(request) }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { language, t } = writeLocale(request)
  const formData = await readFormData(request, LETTER_FORM_LIMITS)
  const submission = parseWithZod(formData, { schema: letterSchema })
  const again = (result: Parameters<typeof composeAgain>[1], status: number) => composeAgain(formData, translateFieldErrors(result, language), status, undefined, language)
  if (submission.status !== 'success') return again(submission.reply(), 400)
  const meta = { ipAddress: context.clientIp, language }
  const problem = (message: string, status: number) => data({ step: 'problem' as const, message, values: submission.value }, { status })

  if (formData.get('intent') === 'own-mail') {
    const outcome = await recordOwnMail(submission.value, meta)
    switch (outcome.status) {
      case 'ready':
        return { step: 'own-mail' as const, mpName: outcome.lookup.mp.name, to: outcome.to, subject: outcome.subject, links: outcome.links }
      case 'postcode-problem':
        return again(submission.reply({ fieldErrors: { postcode: [outcome.message] } }), 400)
      case 'unavailable':
        return problem(t.send.unavailable, 503)
      case 'rate-limited':
        return problem(tryAgainIn(outcome.retryAfterSeconds, t), 429)
    }
  }

  const outcome = await requestLetter(submission.value, meta)
  switch (outcome.status) {
    case 'requested':
      return redirect(localePath(language, '/write/check-email'), 303)
    case 'postcode-problem':
      return again(submission.reply({ fieldErrors: { postcode: [outcome.message] } }), 400)
    case 'unavailable':
      return problem(t.send.unavailable, 503)
    case 'rate-limited':
      return problem(tryAgainIn(outcome.retryAfterSeconds, t), 429)
  }
}

export default function WriteSend({ loaderData, actionData }: Route.ComponentProps) {
  const { locale } = loaderData
  const { t, language } = locale
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-4 text-3xl font-bold">{t.page.heading}</h1>
      {actionData?.step === 'own-mail' ? (
        <OwnMailStep mpName={actionData.mpName} to={actionData.to} subject={actionData.subject} links={actionData.links} locale={locale} />
      ) : actionData?.step === 'compose' ? (
        <ComposeForm {...actionData.context} result={actionData.result} formError={actionData.formError} locale={locale} />
      ) : actionData?.step === 'problem' ? (
        <div role="alert" className="max-w-2xl rounded border-4 border-warn p-5">
          <h2 className="text-2xl font-bold">{t.send.notSent}</h2>
          <p className="mt-2">{actionData.message}</p>
          <Form method="post" action={localePath(language, '/write/preview')} className="mt-4">
            <HiddenLetterFields values={actionData.values} />
            <button type="submit" name="intent" value="edit" className="btn-secondary">
              {t.send.back}
            </button>
          </Form>
        </div>
      ) : (
        <p>
          <Link to={localePath(language, '/write')}>{t.page.startLink}</Link> {t.page.startAfter}
        </p>
      )}
    </div>
  )
}
