// Step 1 of /write: the postcode, and a clear answer whenever it does not lead
// to an MP we can write to. Words in the page's language (./words.ts).
import { useRef } from 'react'
import { Form, useNavigation } from 'react-router'
import { AttributionFields } from '~/attribution/attribution-fields'
import type { Attribution } from '~/attribution/codes'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf, type FormResult } from '~/components/text-field'
import { fill, localePath } from '~/i18n/language'
import type { MpLookup } from '~/mps/lookup.server'
import { useFocusOnArrival } from './use-focus-on-arrival'
import type { WriteLocale } from './words'

export type MpAnswer = Exclude<MpLookup, { status: 'found' | 'unknown-postcode' }>

export function FindStep({ result, defaultPostcode, attribution, locale }: { result?: FormResult; defaultPostcode?: string; attribution?: Attribution; locale: WriteLocale }) {
  const { t, form, language } = locale
  const busy = useNavigation().state === 'submitting'
  const state = fieldState('find', result, 'postcode')
  const postcode = { ...state, defaultValue: state.defaultValue ?? defaultPostcode }
  return (
    <Form method="post" action={localePath(language, '/write')} id="find-form" noValidate className="max-w-xl">
      <ErrorSummary problems={problemsOf([postcode])} title={form.errorSummaryTitle} />
      <AttributionFields attribution={attribution} />
      <TextField field={postcode} label={t.find.postcode} autoComplete="postal-code" hint={t.find.postcodeHint} className="max-w-xs" words={form} />
      <button type="submit" className="btn" disabled={busy}>
        {busy ? t.find.busy : t.find.submit}
      </button>
    </Form>
  )
}

/** What we say when a postcode does not lead to an MP we can write to. */
export function MpAnswerPanel({ answer, locale }: { answer: MpAnswer; locale: WriteLocale }) {
  const { language } = locale
  const a = locale.t.answer
  const heading = useRef<HTMLHeadingElement>(null)
  useFocusOnArrival(heading)
  const title = (text: string) => (
    <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
      {text}
    </h2>
  )
  const signLink = <a href={localePath(language, '/#sign')}>{a.signLink}</a>
  let content
  switch (answer.status) {
    case 'unavailable':
      content = (
        <>
          {title(a.unavailableTitle)}
          <p className="mt-2">{a.unavailableText}</p>
        </>
      )
      break
    case 'no-constituency':
      content = (
        <>
          {title(fill(a.noConstituencyTitle, { postcode: answer.postcode }))}
          <p className="mt-2">
            {answer.area ? fill(a.areaIs, { area: answer.area }) : a.postcodeIs} {a.noConstituencyText} {signLink} {a.noConstituencyAfter}
          </p>
        </>
      )
      break
    case 'vacant':
      content = (
        <>
          {title(fill(a.vacantTitle, { seat: answer.seat.name }))}
          <p className="mt-2">
            {a.vacantText} {signLink}.
          </p>
        </>
      )
      break
    case 'no-email': {
      const values = { mp: answer.mp.name, party: answer.mp.party, seat: answer.seat.name }
      content = (
        <>
          {title(fill(a.yourMp, values))}
          <p className="mt-2">{fill(a.noEmailText, values)}</p>
          {answer.mp.postalAddress ? (
            <p className="mt-2">
              {a.postalAddress} <span className="font-semibold">{answer.mp.postalAddress}</span>
            </p>
          ) : null}
          <p className="mt-2">
            <a href={answer.mp.profileUrl}>
              {fill(a.profileLink, values)}
              <span className="sr-only">{a.opensParliament}</span>
            </a>
          </p>
        </>
      )
      break
    }
    case 'switched-off': {
      const values = { mp: answer.mp.name, party: answer.mp.party, seat: answer.seat.name }
      content = (
        <>
          {title(fill(a.yourMp, values))}
          <p className="mt-2">{fill(a.switchedOffText, values)}</p>
          {answer.reason ? <p className="mt-2">{answer.reason}</p> : null}
          <p className="mt-2">
            {a.youCanStill} {signLink} {a.switchedOffAfter}
          </p>
        </>
      )
      break
    }
  }
  return (
    <div role="status" className="mb-8 rounded-lg border-l-8 border-brand bg-brand-light p-5">
      {content}
    </div>
  )
}
