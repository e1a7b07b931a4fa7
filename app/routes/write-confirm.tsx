// The letter confirmation email's link: the letter as the MP will receive it,
// and one button that sends it. Opening the link changes nothing (mail
// scanners open every link; the email itself no longer carries the letter).
import { Form, Link, data, redirect, useNavigation } from 'react-router'
import { retention } from '~/campaign/retention'
import { confirmLetter, letterToConfirm } from '~/letters/confirm.server'
import { LetterView } from '~/letters/preview-step'
import type { Route } from './+types/write-confirm'

export const meta = () => [{ title: 'Send your letter — Duty of Care campaign' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ params }: Route.LoaderArgs) {
  const letter = await letterToConfirm(params.token)
  if (letter.status === 'already-confirmed') return redirect(letter.held ? '/write/sent?held=1' : '/write/sent?again=1')
  return data(letter, { status: letter.status === 'invalid' ? 404 : 200 })
}

export async function action({ params }: Route.ActionArgs) {
  const outcome = await confirmLetter(params.token)
  // Off the token's URL at once, so it is not kept in history or sent on as a Referer.
  if (outcome.status === 'confirmed') return redirect('/write/sent', 303)
  if (outcome.status === 'held') return redirect('/write/sent?held=1', 303)
  if (outcome.status === 'already-confirmed') return redirect('/write/sent?again=1', 303)
  return data(outcome, { status: outcome.status === 'invalid' ? 404 : 200 })
}

export default function WriteConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const outcome = actionData ?? loaderData
  if (outcome.status === 'pending') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">Send your letter to {outcome.mpName}</h1>
        <p className="mt-4 text-lg">
          Check your letter below. When you press the button we send it to {outcome.mpName}, MP for {outcome.constituency}, with your email
          address to reply to, and a copy to you. Nothing is sent until you press it.
        </p>
        <Form method="post" className="mt-6">
          <button type="submit" className="btn" disabled={busy}>
            Send my letter to {outcome.mpName}
          </button>
        </Form>
        <h2 className="mt-10 text-2xl font-bold">Your letter</h2>
        <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">To</dt>
          <dd>
            {outcome.mpName}, MP for {outcome.constituency}
          </dd>
          <dt className="font-semibold">Subject</dt>
          <dd>{outcome.subject}</dd>
        </dl>
        <div className="mt-4 max-w-3xl">
          <LetterView letter={outcome.letter} />
        </div>
        <p className="mt-6 text-sm">
          If you did not write this letter, close this page: nothing is sent unless you press the button, and we delete the letter when the link
          expires.
        </p>
      </div>
    )
  }
  if (outcome.status === 'undeliverable') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">We cannot send your letter to {outcome.mpName}</h1>
        <p className="mt-4">
          Since you wrote, {outcome.mpName} has stopped being someone we can send letters to (they asked not to receive campaign mail, or they
          are no longer the MP). Your letter has not been sent. Please <Link to="/write">look up your MP again</Link>.
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
