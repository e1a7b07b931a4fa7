import { Form, Link, useNavigation } from 'react-router'
import { AttributionFields } from '~/attribution/attribution-fields'
import type { Attribution } from '~/attribution/codes'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf, type FormResult } from '~/components/text-field'
import { HONEYPOT_FIELD } from '~/lib/honeypot'

/**
 * `action`: where it posts (the campaign page, or the widget's own page). `framed`: inside a partner's
 * <iframe>, where our other pages refuse to load, so the privacy notice opens in a new tab.
 * `attribution`: where the signer came from (the landing's codes), carried as hidden fields.
 */
export function SignForm({
  lastResult,
  action = '/?index',
  framed = false,
  attribution,
}: {
  lastResult?: FormResult
  action?: string
  framed?: boolean
  attribution?: Attribution
}) {
  const busy = useNavigation().state === 'submitting'
  const [name, email, postcode] = ['name', 'email', 'postcode'].map((n) => fieldState('sign', lastResult, n))
  const optedIn = lastResult?.initialValue?.optIn === 'on'
  return (
    <Form method="post" action={action} id="sign-form" noValidate className="max-w-xl">
      <ErrorSummary problems={problemsOf([name, email, postcode])} />
      <AttributionFields attribution={attribution} />
      <TextField field={name} label="Full name" autoComplete="name" spellCheck={false} />
      <TextField field={email} label="Email" type="email" autoComplete="email" hint="We will send you a link to confirm your signature." spellCheck={false} />
      <TextField field={postcode} label="Postcode" autoComplete="postal-code" hint="A UK postcode, like SW1A 1AA. It shows Parliament where support comes from." className="max-w-xs" />
      <div className="hidden" aria-hidden="true">
        <label htmlFor="sign-website">Leave this field empty</label>
        <input id="sign-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <div className="mb-5 flex items-start gap-3">
        <input id="sign-optIn" name="optIn" type="checkbox" defaultChecked={optedIn} className="mt-1 h-6 w-6 shrink-0" />
        <label htmlFor="sign-optIn">Email me updates about the Duty of Care campaign (optional — you can stop them at any time)</label>
      </div>
      <p className="mb-5 text-sm text-ink-muted">
        We use your details only to count your signature, show support by constituency, and — if you tick the box — send you
        campaign updates. Your name and email are never published. {framed ? (
          <a href="/privacy" target="_blank" rel="noopener">
            Read our privacy notice<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <Link to="/privacy">Read our privacy notice</Link>
        )}
        .
      </p>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? 'Signing…' : 'Sign the petition'}
      </button>
    </Form>
  )
}
