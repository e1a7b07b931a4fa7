import { Form, Link, useNavigation } from 'react-router'
import { AttributionFields } from '~/attribution/attribution-fields'
import type { Attribution } from '~/attribution/codes'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf, type FormResult } from '~/components/text-field'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import { localePath, type Language } from '~/i18n/language'
import type { SignFormWords } from '~/i18n/messages.server'

/**
 * `action`: where it posts (the campaign page, or the widget's own page). `framed`: inside a partner's
 * <iframe>, where our other pages refuse to load, so the privacy notice opens in a new tab.
 * `attribution`: where the signer came from (the landing's codes), carried as hidden fields.
 * `words`: the form's labels and messages in the page's language, from its loader (decision 110).
 */
export function SignForm({
  lastResult,
  action = '/?index',
  framed = false,
  attribution,
  words,
  language = 'en',
}: {
  lastResult?: FormResult
  action?: string
  framed?: boolean
  attribution?: Attribution
  words: SignFormWords
  language?: Language
}) {
  const busy = useNavigation().state === 'submitting'
  const [name, email, postcode] = ['name', 'email', 'postcode'].map((n) => fieldState('sign', lastResult, n))
  const optedIn = lastResult?.initialValue?.optIn === 'on'
  return (
    <Form method="post" action={action} id="sign-form" noValidate className="max-w-xl">
      <ErrorSummary problems={problemsOf([name, email, postcode])} title={words.errorSummaryTitle} />
      <AttributionFields attribution={attribution} />
      <TextField field={name} label={words.name} autoComplete="name" spellCheck={false} words={words} />
      <TextField field={email} label={words.email} type="email" autoComplete="email" hint={words.emailHint} spellCheck={false} words={words} />
      <TextField field={postcode} label={words.postcode} autoComplete="postal-code" hint={words.postcodeHint} className="max-w-xs" words={words} />
      <div className="hidden" aria-hidden="true">
        <label htmlFor="sign-website">{words.honeypot}</label>
        <input id="sign-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <div className="mb-5 flex items-start gap-3">
        <input id="sign-optIn" name="optIn" type="checkbox" defaultChecked={optedIn} className="mt-1 h-6 w-6 shrink-0" />
        <label htmlFor="sign-optIn">{words.optIn}</label>
      </div>
      <p className="mb-5 text-sm text-ink-muted">
        {words.privacy} {framed ? (
          <a href={localePath(language, '/privacy')} target="_blank" rel="noopener">
            {words.privacyLink}<span className="sr-only"> {words.opensInNewTab}</span>
          </a>
        ) : (
          <Link to={localePath(language, '/privacy')}>{words.privacyLink}</Link>
        )}
        .
      </p>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? words.busy : words.submit}
      </button>
    </Form>
  )
}
