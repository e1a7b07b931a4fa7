import { Link, redirect } from 'react-router'
import { retention } from '~/campaign/retention'
import { confirmLetter } from '~/letters/confirm.server'
import type { Route } from './+types/write-confirm'

export const meta = () => [{ title: 'Send your letter — Duty of Care campaign' }]

export async function loader({ params }: Route.LoaderArgs) {
  const outcome = await confirmLetter(params.token)
  // Off the token's URL at once, so it is not kept in history or sent on as a Referer.
  if (outcome.status === 'confirmed') return redirect('/write/sent')
  if (outcome.status === 'already-confirmed') return redirect('/write/sent?again=1')
  return outcome
}

export default function WriteConfirm({ loaderData }: Route.ComponentProps) {
  if (loaderData.status === 'undeliverable') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">We cannot send your letter to {loaderData.mpName}</h1>
        <p className="mt-4">
          Since you wrote, {loaderData.mpName} has stopped being someone we can send letters to (their address changed, or they are no
          longer the MP). Your letter has not been sent. Please <Link to="/write">look up your MP again</Link>.
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">This link has expired or is not valid</h1>
      <p className="mt-4">
        Links to send a letter work for {retention.letterLinkDays} days, and only the newest one works if you asked more than once. Please{' '}
        <Link to="/write">write your letter again</Link>.
      </p>
    </div>
  )
}
