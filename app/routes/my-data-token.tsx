// The emailed data link: what we hold, a download, and erasure.
import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, useNavigation } from 'react-router'
import { ErrorSummary } from '~/components/error-summary'
import { fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import { eraseMyData, eraseSchema, myDataSummary } from '~/retention/my-data.server'
import type { Route } from './+types/my-data-token'

export const meta = () => [{ title: 'Your data — Duty of Care campaign' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  return { 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }
}

export async function loader({ params }: Route.LoaderArgs) {
  const summary = await myDataSummary(params.token)
  return data({ summary }, { status: summary.status === 'invalid' ? 404 : 200 })
}

export async function action({ request, params }: Route.ActionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: eraseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), erased: false }, { status: 400 })
  const outcome = await eraseMyData(params.token)
  return data({ result: undefined, erased: outcome.status === 'erased' }, { status: outcome.status === 'erased' ? 200 : 404 })
}

const LETTER_STATES: Record<string, string> = {
  pending: 'not confirmed',
  confirmed: 'confirmed, being sent',
  sent: 'sent',
  delivered: 'delivered',
  bounced: 'could not be delivered',
  failed: 'could not be sent',
  invalidated: 'removed by the campaign team',
}

const dateOf = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })

export default function MyDataToken({ loaderData, actionData, params }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const { summary } = loaderData
  if (actionData?.erased) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div role="status">
          <h1 className="text-3xl font-bold">Your data has been erased</h1>
          <p className="mt-4 text-lg">We no longer hold your name, email address, postcode or letters. If you had confirmed your signature, it still counts towards the totals, without anything that says it was yours.</p>
        </div>
        <p className="mt-8"><Link to="/">Back to the campaign</Link></p>
      </div>
    )
  }
  if (summary.status === 'invalid') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">This link has expired or is not valid</h1>
        <p className="mt-4">Links work for a day, and stop working once the data has been erased. <Link to="/my-data">Ask for a new link</Link>.</p>
      </div>
    )
  }
  const confirm = fieldState('erase', actionData?.result, 'confirm')
  const errorId = confirm.error ? `${confirm.id}-error` : undefined
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">Your data</h1>
      <p className="mt-4">What we hold about <strong>{summary.address}</strong>:</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {summary.signature ? (
          <li>
            A signature on the petition, made on {dateOf(summary.signature.signedAt)} ({summary.signature.confirmed ? 'confirmed' : 'not confirmed'}
            {summary.signature.updates ? ', with campaign updates' : ''}).
          </li>
        ) : null}
        {summary.letters.map((l) => (
          <li key={l.createdAt}>
            A letter to {l.mp}, written on {dateOf(l.createdAt)} ({LETTER_STATES[l.state] ?? l.state}).
          </li>
        ))}
        <li>A record of the {summary.emails} email{summary.emails === 1 ? '' : 's'} we sent you about them.</li>
      </ul>

      <h2 className="mt-8 text-2xl font-bold">Download a copy</h2>
      <p className="mt-2">Everything above, in full, as a JSON file (a plain-text format most software can open).</p>
      <p className="mt-4">
        <a href={`/my-data/${params.token}/download`} className="btn-secondary" download="my-duty-of-care-data.json">
          Download my data
        </a>
      </p>

      <h2 className="mt-8 text-2xl font-bold">Erase everything</h2>
      <p className="mt-2 max-w-2xl">
        We will delete your name, email address, postcode, address and letters. A confirmed signature still counts towards the totals, with nothing left that says it was yours. This cannot be undone.
      </p>
      <Form method="post" noValidate className="mt-4 max-w-xl">
        <ErrorSummary problems={problemsOf([confirm])} />
        <div className="mb-5">
          {confirm.error ? (
            <span id={errorId} className="field-error">
              <span className="sr-only">Error: </span>
              {confirm.error}
            </span>
          ) : null}
          <div className="flex items-start gap-3">
            <input id={confirm.id} name="confirm" type="checkbox" className="mt-1 h-6 w-6 shrink-0" aria-invalid={confirm.error ? true : undefined} aria-describedby={errorId} />
            <label htmlFor={confirm.id}>I understand that erasing my data cannot be undone</label>
          </div>
        </div>
        <button type="submit" className="btn bg-warn hover:bg-warn" disabled={busy}>
          {busy ? 'Erasing…' : 'Erase my data'}
        </button>
      </Form>
    </div>
  )
}
