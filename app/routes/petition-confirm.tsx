// The confirmation email's link. Opening it changes nothing (mail scanners open
// every link): the page's one button posts, and that confirms the signature.
import { Form, Link, data, redirect, useNavigation } from 'react-router'
import { confirmSignature, signatureLinkState } from '~/petition/confirm.server'
import { rememberSupporter } from '~/petition/supporter-cookie.server'
import type { Route } from './+types/petition-confirm'

export const meta = () => [{ title: 'Confirm your signature — Duty of Care petition' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ params }: Route.LoaderArgs) {
  const state = await signatureLinkState(params.token)
  // Already confirmed: say so, and set nothing (no supporter cookie for whoever holds an old link).
  if (state.status === 'already-confirmed') return redirect('/petition/thanks?again=1')
  return data(state, { status: state.status === 'invalid' ? 404 : 200 })
}

export async function action({ params }: Route.ActionArgs) {
  const outcome = await confirmSignature(params.token)
  if (outcome.status === 'invalid') return data({ status: 'invalid' as const }, { status: 404 })
  // Off the token's URL at once, so it is not kept in history or sent on as a Referer.
  if (outcome.status === 'already-confirmed') return redirect('/petition/thanks?again=1', 303)
  // Only the press that confirmed remembers the supporter, so /write can fill in their details.
  return redirect('/petition/thanks', { status: 303, headers: { 'Set-Cookie': await rememberSupporter(outcome.signatureId) } })
}

export default function PetitionConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const status = actionData?.status ?? loaderData.status
  if (status === 'pending') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">Confirm your signature</h1>
        <p className="mt-4 text-lg">
          Press the button to add your name to the petition asking the Prime Minister for an Online Harms Bill with a legal Duty of Care on
          tech companies. Your signature counts once you press it.
        </p>
        <Form method="post" className="mt-6">
          <button type="submit" className="btn" disabled={busy}>
            Confirm my signature
          </button>
        </Form>
        <p className="mt-6 text-sm">If you did not sign, close this page: nothing happens unless you press the button.</p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">This link has expired or is not valid</h1>
      <p className="mt-4">
        Confirmation links work for 30 days, and only the newest one works if you signed more than once. Please{' '}
        <Link to="/#sign">sign again</Link> and we will send you a new link.
      </p>
    </div>
  )
}
