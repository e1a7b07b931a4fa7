// One-click unsubscribe from campaign updates: the page offers one button
// (works with and without JavaScript); a mail client's RFC 8058 one-click
// POST (body "List-Unsubscribe=One-Click") unsubscribes at once with a 200.
import { Form, Link, data, useNavigation } from 'react-router'
import { unsubscribe, unsubscribeState } from '~/updates/unsubscribe.server'
import type { Route } from './+types/unsubscribe'

export const meta = () => [{ title: 'Unsubscribe from campaign updates — Duty of Care' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  // The token is in the address: keep it out of caches and other sites' Referer headers
  // (same-origin, not no-referrer: that makes browsers send "Origin: null", which fails the form's CSRF check).
  return { 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }
}

export async function loader({ params }: Route.LoaderArgs) {
  const state = await unsubscribeState(params.token)
  return data({ state }, { status: state.status === 'invalid' ? 404 : 200 })
}

export async function action({ params }: Route.ActionArgs) {
  const state = await unsubscribe(params.token)
  return data({ state }, { status: state.status === 'invalid' ? 404 : 200 })
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const status = (actionData ?? loaderData).state.status
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      {status === 'subscribed' ? (
        <>
          <h1 className="text-3xl font-bold">Unsubscribe from campaign updates</h1>
          <p className="mt-4 text-lg">Press the button and we will stop sending you campaign updates straight away. Your signature on the petition still counts.</p>
          <Form method="post" className="mt-6">
            <button type="submit" className="btn" disabled={busy}>
              Unsubscribe
            </button>
          </Form>
        </>
      ) : status === 'unsubscribed' ? (
        <div role="status">
          <h1 className="text-3xl font-bold">You are unsubscribed</h1>
          <p className="mt-4 text-lg">We will not send you any more campaign updates. Your signature on the petition still counts.</p>
          <p className="mt-4">
            You can also <Link to="/my-data">see or erase the data we hold about you</Link>.
          </p>
        </div>
      ) : status === 'test' ? (
        <>
          <h1 className="text-3xl font-bold">This was a test email</h1>
          <p className="mt-4">In the real update, this link lets each supporter unsubscribe in one click.</p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold">This unsubscribe link is not valid</h1>
          <p className="mt-4">Check that you opened the whole link from the email. If campaign updates keep arriving, use the unsubscribe link in the newest one.</p>
        </>
      )}
      <p className="mt-8">
        <Link to="/">Back to the campaign</Link>
      </p>
    </div>
  )
}
