// The emailed data link: what we hold, a download, and erasure.
import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, useNavigation } from 'react-router'
import { ErrorSummary } from '~/components/error-summary'
import { RichText } from '~/components/rich-text'
import { fieldState, problemsOf } from '~/components/text-field'
import { fill, localePath, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import { readFormData } from '~/lib/form-data.server'
import { ERASE_CONFIRM_REQUIRED, eraseMyData, eraseSchema, myDataSummary } from '~/retention/my-data.server'
import type { Route } from './+types/my-data-token'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.t.title ?? 'Your data — Duty of Care campaign' },
  { name: 'robots', content: 'noindex' },
]

export function headers() {
  return { 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }
}

function wordsFor(language: Language) {
  const messages = messagesFor(language)
  return { language, t: messages.myDataToken, form: messages.form }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const summary = await myDataSummary(params.token)
  return data({ summary, ...wordsFor(pageLanguage(request)) }, { status: summary.status === 'invalid' ? 404 : 200 })
}

export async function action({ request, params }: Route.ActionArgs) {
  const language = pageLanguage(request)
  const submission = parseWithZod(await readFormData(request), { schema: eraseSchema })
  if (submission.status !== 'success') {
    // The one refusal, in the page's language.
    const result = submission.reply()
    const t = messagesFor(language).myDataToken
    if (result.error) result.error = { ...result.error, confirm: result.error.confirm?.map((m) => (m === ERASE_CONFIRM_REQUIRED ? t.confirmRequired : m)) ?? null }
    return data({ result, erased: false }, { status: 400 })
  }
  const outcome = await eraseMyData(params.token)
  return data({ result: undefined, erased: outcome.status === 'erased' }, { status: outcome.status === 'erased' ? 200 : 404 })
}

export default function MyDataToken({ loaderData, actionData, params }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const { summary, t, form, language } = loaderData
  const at = (path: string) => localePath(language, path)
  const dateOf = (iso: string) => new Date(iso).toLocaleDateString(t.dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
  if (actionData?.erased) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div role="status">
          <h1 className="text-3xl font-bold">{t.erasedHeading}</h1>
          <p className="mt-4 text-lg">{t.erasedText}</p>
        </div>
        <p className="mt-8"><Link to={at('/')}>{t.backHome}</Link></p>
      </div>
    )
  }
  if (summary.status === 'invalid') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t.invalidHeading}</h1>
        <p className="mt-4">{t.invalidText} <Link to={at('/my-data')}>{t.invalidLink}</Link>.</p>
      </div>
    )
  }
  const confirm = fieldState('erase', actionData?.result, 'confirm')
  const errorId = confirm.error ? `${confirm.id}-error` : undefined
  const signature = summary.signature
  const signatureState = signature ? (signature.confirmed ? t.signatureConfirmed : t.signatureUnconfirmed) : ''
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t.heading}</h1>
      <p className="mt-4"><RichText message={t.holdAbout} values={{ address: summary.address }} /></p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {signature ? (
          <li>{fill(t.signature, { date: dateOf(signature.signedAt), state: signature.updates ? fill(t.signatureUpdates, { state: signatureState }) : signatureState })}</li>
        ) : null}
        {summary.letters.map((l) => (
          <li key={l.createdAt}>{fill(t.letter, { mp: l.mp, date: dateOf(l.createdAt), state: t.letterStates[l.state] ?? l.state })}</li>
        ))}
        <li>{fill(summary.emails === 1 ? t.emailsOne : t.emailsMany, { count: summary.emails })}</li>
      </ul>

      <h2 className="mt-8 text-2xl font-bold">{t.downloadHeading}</h2>
      <p className="mt-2">{t.downloadText}</p>
      <p className="mt-4">
        <a href={`/my-data/${params.token}/download`} className="btn-secondary" download="my-duty-of-care-data.json">
          {t.download}
        </a>
      </p>

      <h2 className="mt-8 text-2xl font-bold">{t.eraseHeading}</h2>
      <p className="mt-2 max-w-2xl">{t.eraseText}</p>
      <Form method="post" noValidate className="mt-4 max-w-xl">
        <ErrorSummary problems={problemsOf([confirm])} title={form.errorSummaryTitle} />
        <div className="mb-5">
          {confirm.error ? (
            <span id={errorId} className="field-error">
              <span className="sr-only">{form.errorPrefix}</span>
              {confirm.error}
            </span>
          ) : null}
          <div className="flex items-start gap-3">
            <input id={confirm.id} name="confirm" type="checkbox" className="mt-1 h-6 w-6 shrink-0" aria-invalid={confirm.error ? true : undefined} aria-describedby={errorId} />
            <label htmlFor={confirm.id}>{t.confirm}</label>
          </div>
        </div>
        <button type="submit" className="btn bg-warn hover:bg-warn" disabled={busy}>
          {busy ? t.erasing : t.erase}
        </button>
      </Form>
    </div>
  )
}
