// Supporters' rights: ask for a link to see, download or erase your data.
import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, redirect, useNavigation, useSearchParams } from 'react-router'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf } from '~/components/text-field'
import { fill, localePath } from '~/i18n/language'
import { messagesFor, translateFieldErrors } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import { readFormData } from '~/lib/form-data.server'
import { DATA_LINK_HOURS, dataRequestSchema, requestDataLink } from '~/retention/my-data.server'
import type { Route } from './+types/my-data'

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.t.title ?? 'See or erase your data — Duty of Care campaign' }]

export function loader({ request }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  const messages = messagesFor(language)
  return { validHours: DATA_LINK_HOURS, language, t: messages.myData, form: messages.form }
}

export async function action({ request, context }: Route.ActionArgs) {
  const language = pageLanguage(request)
  const submission = parseWithZod(await readFormData(request), { schema: dataRequestSchema })
  if (submission.status !== 'success') return data({ result: translateFieldErrors(submission.reply(), language), retryAfterMinutes: 0 }, { status: 400 })
  const outcome = await requestDataLink(submission.value.email, { ipAddress: context.clientIp, language })
  if (outcome.status === 'throttled') {
    const retryAfterMinutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60))
    return data({ result: submission.reply(), retryAfterMinutes }, { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } })
  }
  return redirect(localePath(language, '/my-data?sent=1'), 303)
}

export default function MyData({ loaderData, actionData }: Route.ComponentProps) {
  const { t, form, language } = loaderData
  const at = (path: string) => localePath(language, path)
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const email = fieldState('my-data', actionData?.result, 'email')
  if (params.get('sent') === '1') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div role="status" className="rounded-lg bg-accent p-6 text-white">
          <h1 className="text-3xl font-bold">{t.sentHeading}</h1>
          <p className="mt-2 text-lg">{fill(t.sentText, { hours: loaderData.validHours })}</p>
        </div>
        <p className="mt-6">{t.sentNoEmail}</p>
        <p className="mt-4"><Link to={at('/my-data')}>{t.sentAgain}</Link></p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t.heading}</h1>
      <p className="mt-4 max-w-2xl">{t.intro}</p>
      {actionData?.retryAfterMinutes ? (
        <p role="alert" className="mt-4 rounded border-4 border-warn p-4 font-semibold">
          {fill(actionData.retryAfterMinutes === 1 ? t.throttledOne : t.throttledMany, { minutes: actionData.retryAfterMinutes })}
        </p>
      ) : null}
      <Form method="post" noValidate className="mt-6 max-w-xl">
        <ErrorSummary problems={problemsOf([email])} title={form.errorSummaryTitle} />
        <TextField field={email} label={t.email} type="email" autoComplete="email" hint={t.emailHint} spellCheck={false} words={form} />
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t.busy : t.submit}
        </button>
      </Form>
      <p className="mt-8"><Link to={at('/privacy')}>{t.privacyLink}</Link></p>
    </div>
  )
}
