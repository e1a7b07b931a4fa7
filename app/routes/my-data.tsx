// Supporters' rights: ask for a link to see, download or erase your data.
import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, redirect, useNavigation, useSearchParams } from 'react-router'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import { DATA_LINK_HOURS, dataRequestSchema, requestDataLink } from '~/retention/my-data.server'
import type { Route } from './+types/my-data'

export const meta = () => [{ title: 'See or erase your data — Duty of Care campaign' }]

export function loader() {
  return { validHours: DATA_LINK_HOURS }
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: dataRequestSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), retryAfterMinutes: 0 }, { status: 400 })
  const outcome = await requestDataLink(submission.value.email, { ipAddress: context.clientIp })
  if (outcome.status === 'throttled') {
    const retryAfterMinutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60))
    return data({ result: submission.reply(), retryAfterMinutes }, { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } })
  }
  return redirect('/my-data?sent=1', 303)
}

export default function MyData({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const email = fieldState('my-data', actionData?.result, 'email')
  if (params.get('sent') === '1') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div role="status" className="rounded-lg bg-accent p-6 text-white">
          <h1 className="text-3xl font-bold">Check your email</h1>
          <p className="mt-2 text-lg">If we hold anything about that address, we have emailed it a link. The link works for {loaderData.validHours} hours.</p>
        </div>
        <p className="mt-6">No email after a few minutes? Look in your spam folder, or check you typed the address you used to sign or write to your MP.</p>
        <p className="mt-4"><Link to="/my-data">Try another address</Link></p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">See or erase your data</h1>
      <p className="mt-4 max-w-2xl">
        You can download a copy of everything we hold about you, or ask us to erase it. So that only you can do this, we email a link to your address first.
      </p>
      {actionData?.retryAfterMinutes ? (
        <p role="alert" className="mt-4 rounded border-4 border-warn p-4 font-semibold">
          We have sent several links already. Please try again in {actionData.retryAfterMinutes} minute{actionData.retryAfterMinutes === 1 ? '' : 's'}, or use a link we have already sent.
        </p>
      ) : null}
      <Form method="post" noValidate className="mt-6 max-w-xl">
        <ErrorSummary problems={problemsOf([email])} />
        <TextField field={email} label="Email" type="email" autoComplete="email" hint="The address you used to sign the petition or write to your MP." spellCheck={false} />
        <button type="submit" className="btn" disabled={busy}>
          {busy ? 'Sending…' : 'Email me a link'}
        </button>
      </Form>
      <p className="mt-8"><Link to="/privacy">How we use your data</Link></p>
    </div>
  )
}
