import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import { safeRedirectTo, signIn } from '~/admin/auth.server'
import { assertSameOrigin } from '~/admin/csrf.server'
import { currentCampaigner } from '~/admin/session.server'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/admin-sign-in'

const schema = z.object({
  email: z.string({ required_error: 'Enter your email address' }).trim().max(254).email('Enter an email address like name@example.org'),
  password: z.string({ required_error: 'Enter your password' }).max(1024, 'That password is too long'),
  redirectTo: z.string().optional(),
})

export const meta = () => [{ title: 'Sign in — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

/** The action's Retry-After (a throttled sign-in) reaches the browser only through here. */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  const retryAfter = actionHeaders.get('Retry-After')
  return { 'Cache-Control': 'no-store', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) }
}

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams
  const redirectTo = safeRedirectTo(params.get('redirectTo'))
  if (await currentCampaigner(request)) throw redirect(redirectTo)
  const status = params.has('signedOut') ? 'You have signed out.' : params.has('passwordSet') ? 'Your password is saved. Sign in with it now.' : null
  return { redirectTo, status }
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request)
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }), notice: null, attempt: crypto.randomUUID() }, { status: 400 })
  }
  const outcome = await signIn(submission.value, { ip: context.clientIp })
  if (outcome.status === 'signed-in') {
    return redirect(safeRedirectTo(submission.value.redirectTo), { headers: { 'Set-Cookie': outcome.setCookie } })
  }
  if (outcome.status === 'throttled') {
    const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60))
    return data(
      {
        result: submission.reply({ hideFields: ['password'] }),
        notice: `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        attempt: crypto.randomUUID(),
      },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } },
    )
  }
  return data(
    { result: submission.reply({ hideFields: ['password'] }), notice: 'The email address or password is not right.', attempt: crypto.randomUUID() },
    { status: 401 },
  )
}

export default function AdminSignIn({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const result = actionData?.result
  const email = fieldState('sign-in', result, 'email')
  const password = { ...fieldState('sign-in', result, 'password'), defaultValue: undefined }
  const problems = problemsOf([email, password])
  if (actionData?.notice && !problems.length) problems.push({ id: email.id, message: actionData.notice })
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">Sign in to the campaign dashboard</h1>
      <p className="mt-2 mb-6 text-ink-muted">For Duty of Care campaign staff only.</p>
      {loaderData.status && !actionData ? <p role="status" className="mb-6 rounded bg-brand-light p-3 font-semibold">{loaderData.status}</p> : null}
      <Form method="post" noValidate>
        <ErrorSummary problems={problems} />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TextField field={email} label="Email" type="email" autoComplete="username" spellCheck={false} />
         {/* A new key per attempt empties the password box after a refusal, with or without JavaScript. */}
        <TextField key={actionData?.attempt} field={password} label="Password" type="password" autoComplete="current-password" />
        <button type="submit" className="btn" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
      <p className="mt-6 text-sm text-ink-muted">
        Forgotten your password, or need an account? Ask a campaign admin for a new sign-in link.
      </p>
    </div>
  )
}
