import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import { passwordLinkAccount, setPasswordWithLink } from '~/admin/campaigners.server'
import { assertSameOrigin } from '~/admin/csrf.server'
import { MIN_PASSWORD_LENGTH } from '~/admin/password-rules'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/admin-set-password'

const schema = z
  .object({
    password: z
      .string({ required_error: 'Enter a new password' })
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters — a few unrelated words work well`)
      .max(1024, 'That password is too long'),
    confirm: z.string({ required_error: 'Enter the password again' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are not the same' })

export const meta = () => [{ title: 'Choose your password — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  // The token is in the URL: keep it out of caches and other sites' logs.
  return { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }
}

export async function loader({ params }: Route.LoaderArgs) {
  const account = await passwordLinkAccount(params.token)
  return { email: account?.email ?? null }
}

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request)
  const submission = parseWithZod(await readFormData(request), { schema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 })
  }
  const outcome = await setPasswordWithLink(params.token, submission.value.password)
  if (outcome === 'invalid-link') return data({ result: submission.reply({ formErrors: ['This link has expired or has been used.'] }) }, { status: 410 })
  return redirect('/admin/sign-in?passwordSet=1')
}

export default function AdminSetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  if (!loaderData.email || actionData?.result?.error?.['']) {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-3xl font-bold">This link no longer works</h1>
        <p className="mt-4">Sign-in links work once, for 24 hours. Ask a campaign admin for a new one.</p>
        <p className="mt-4"><Link to="/admin/sign-in">Go to the sign-in page</Link></p>
      </div>
    )
  }
  const password = { ...fieldState('set-password', actionData?.result, 'password'), defaultValue: undefined }
  const confirm = { ...fieldState('set-password', actionData?.result, 'confirm'), defaultValue: undefined }
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">Choose your password</h1>
      <p className="mt-2 mb-6">For the campaign dashboard account <strong>{loaderData.email}</strong>.</p>
      <Form method="post" noValidate>
        <ErrorSummary problems={problemsOf([password, confirm])} />
        <input type="text" name="username" autoComplete="username" value={loaderData.email} readOnly hidden />
        <TextField field={password} label="New password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} />
        <TextField field={confirm} label="New password again" type="password" autoComplete="new-password" />
        <button type="submit" className="btn" disabled={busy}>Save password</button>
      </Form>
    </div>
  )
}
