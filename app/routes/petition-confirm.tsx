import { Link, redirect } from 'react-router'
import { confirmSignature } from '~/petition/confirm.server'
import { rememberSupporter } from '~/petition/supporter-cookie.server'
import type { Route } from './+types/petition-confirm'

export const meta = () => [{ title: 'Confirm your signature — Duty of Care petition' }]

export async function loader({ params }: Route.LoaderArgs) {
  const outcome = await confirmSignature(params.token)
  if (outcome.status === 'invalid') return { status: 'invalid' as const }
  // Off the token's URL at once, so it is not kept in history or sent on as a Referer.
  return redirect(`/petition/thanks${outcome.status === 'already-confirmed' ? '?again=1' : ''}`, {
    headers: { 'Set-Cookie': await rememberSupporter(outcome.signatureId) },
  })
}

export default function PetitionConfirm() {
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
