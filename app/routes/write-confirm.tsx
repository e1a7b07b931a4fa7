// The letter confirmation email's link: the letter as the MP will receive it,
// and one button that sends it. Opening the link changes nothing (mail
// scanners open every link; the email itself no longer carries the letter).
import { Form, Link, data, redirect, useNavigation } from 'react-router'
import { retention } from '~/campaign/retention'
import { fill, localePath } from '~/i18n/language'
import { confirmLetter, letterToConfirm } from '~/letters/confirm.server'
import { writeLocale } from '~/letters/locale.server'
import { LetterView } from '~/letters/preview-step'
import type { Route } from './+types/write-confirm'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [
  { title: data && 't' in data ? data.t.title : 'Send your letter — Duty of Care campaign' },
  { name: 'robots', content: 'noindex' },
]

export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const { language, t } = writeLocale(request)
  const letter = await letterToConfirm(params.token)
  if (letter.status === 'already-confirmed') return redirect(localePath(language, letter.held ? '/write/sent?held=1' : '/write/sent?again=1'))
  return data({ ...letter, language, t: t.confirm }, { status: letter.status === 'invalid' ? 404 : 200 })
}

export async function action({ params, request }: Route.ActionArgs) {
  const { language } = writeLocale(request)
  const outcome = await confirmLetter(params.token)
  // Off the token's URL at once, so it is not kept in history or sent on as a Referer.
  if (outcome.status === 'confirmed') return redirect(localePath(language, '/write/sent'), 303)
  if (outcome.status === 'held') return redirect(localePath(language, '/write/sent?held=1'), 303)
  if (outcome.status === 'already-confirmed') return redirect(localePath(language, '/write/sent?again=1'), 303)
  return data(outcome, { status: outcome.status === 'invalid' ? 404 : 200 })
}

export default function WriteConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const { language, t } = loaderData
  const outcome = actionData ?? loaderData
  if (outcome.status === 'pending') {
    const values = { mp: outcome.mpName, seat: outcome.constituency }
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{fill(t.heading, values)}</h1>
        <p className="mt-4 text-lg">{fill(t.text, values)}</p>
        <Form method="post" className="mt-6">
          <button type="submit" className="btn" disabled={busy}>
            {fill(t.button, values)}
          </button>
        </Form>
        <h2 className="mt-10 text-2xl font-bold">{t.yourLetter}</h2>
        <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{t.to}</dt>
          <dd>{fill(t.toValue, values)}</dd>
          <dt className="font-semibold">{t.subject}</dt>
          <dd>{outcome.subject}</dd>
        </dl>
        <div className="mt-4 max-w-3xl">
          <LetterView letter={outcome.letter} />
        </div>
        <p className="mt-6 text-sm">{t.notYou}</p>
      </div>
    )
  }
  if (outcome.status === 'undeliverable') {
    const values = { mp: outcome.mpName }
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{fill(t.undeliverableHeading, values)}</h1>
        <p className="mt-4">
          {fill(t.undeliverableText, values)} <Link to={localePath(language, '/write')}>{t.undeliverableLink}</Link>.
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t.invalidHeading}</h1>
      <p className="mt-4">
        {fill(t.invalidText, { days: retention.letterLinkDays })} <Link to={localePath(language, '/write')}>{t.invalidLink}</Link>.
      </p>
    </div>
  )
}
