// The confirmation email's link. Opening it changes nothing (mail scanners open
// every link): the page's one button posts, and that confirms the signature.
import { Form, Link, data, redirect, useNavigation } from 'react-router'
import { localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import { confirmSignature, signatureLinkState } from '~/petition/confirm.server'
import { rememberSupporter } from '~/petition/supporter-cookie.server'
import type { Route } from './+types/petition-confirm'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.t.title ?? 'Confirm your signature — Duty of Care petition' },
  { name: 'robots', content: 'noindex' },
]

export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  const state = await signatureLinkState(params.token)
  // Already confirmed: say so, and set nothing (no supporter cookie for whoever holds an old link).
  if (state.status === 'already-confirmed') return redirect(localePath(language, '/petition/thanks?again=1'))
  return data({ ...state, language, t: messagesFor(language).confirm }, { status: state.status === 'invalid' ? 404 : 200 })
}

export async function action({ params, request }: Route.ActionArgs) {
  const language = pageLanguage(request)
  const outcome = await confirmSignature(params.token)
  if (outcome.status === 'invalid') return data({ status: 'invalid' as const }, { status: 404 })
  // Off the token's URL at once, so it is not kept in history or sent on as a Referer.
  if (outcome.status === 'already-confirmed') return redirect(localePath(language, '/petition/thanks?again=1'), 303)
  // Only the press that confirmed remembers the supporter, so /write can fill in their details.
  return redirect(localePath(language, '/petition/thanks'), { status: 303, headers: { 'Set-Cookie': await rememberSupporter(outcome.signatureId) } })
}

export default function PetitionConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const status = actionData?.status ?? loaderData.status
  const { t, language } = loaderData
  if (status === 'pending') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t.heading}</h1>
        <p className="mt-4 text-lg">{t.text}</p>
        <Form method="post" className="mt-6">
          <button type="submit" className="btn" disabled={busy}>
            {t.button}
          </button>
        </Form>
        <p className="mt-6 text-sm">{t.notYou}</p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t.invalidHeading}</h1>
      <p className="mt-4">
        {t.invalidText} <Link to={localePath(language, '/#sign')}>{t.invalidLink}</Link> {t.invalidAfter}
      </p>
    </div>
  )
}
