// Step 1 of /write: the postcode, and a clear answer whenever it does not lead
// to an MP we can write to.
import { useRef } from 'react'
import { Form, useNavigation } from 'react-router'
import { AttributionFields } from '~/attribution/attribution-fields'
import type { Attribution } from '~/attribution/codes'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf, type FormResult } from '~/components/text-field'
import type { MpLookup } from '~/mps/lookup.server'
import { useFocusOnArrival } from './use-focus-on-arrival'

export type MpAnswer = Exclude<MpLookup, { status: 'found' | 'unknown-postcode' }>

export function FindStep({ result, defaultPostcode, attribution }: { result?: FormResult; defaultPostcode?: string; attribution?: Attribution }) {
  const busy = useNavigation().state === 'submitting'
  const state = fieldState('find', result, 'postcode')
  const postcode = { ...state, defaultValue: state.defaultValue ?? defaultPostcode }
  return (
    <Form method="post" action="/write" id="find-form" noValidate className="max-w-xl">
      <ErrorSummary problems={problemsOf([postcode])} />
      <AttributionFields attribution={attribution} />
      <TextField field={postcode} label="Postcode" autoComplete="postal-code" hint="Your home postcode, like SW1A 1AA. It tells us who your MP is." className="max-w-xs" />
      <button type="submit" className="btn" disabled={busy}>
        {busy ? 'Finding your MP…' : 'Find my MP'}
      </button>
    </Form>
  )
}

/** What we say when a postcode does not lead to an MP we can write to. */
export function MpAnswerPanel({ answer }: { answer: MpAnswer }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useFocusOnArrival(heading)
  const title = (text: string) => (
    <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
      {text}
    </h2>
  )
  let content
  switch (answer.status) {
    case 'unavailable':
      content = (
        <>
          {title('Sorry, we cannot look up MPs just now')}
          <p className="mt-2">The service we use to find constituencies is not answering. Nothing is lost: please try again in a few minutes.</p>
        </>
      )
      break
    case 'no-constituency':
      content = (
        <>
          {title(`${answer.postcode} has no MP at Westminster`)}
          <p className="mt-2">
            {answer.area ? `${answer.area} is` : 'That postcode is'} in one of the Crown Dependencies (Jersey, Guernsey or the Isle of Man),
            which have their own parliaments and no MP in the House of Commons. You can still{' '}
            <a href="/#sign">sign the petition</a> and share it with friends in the UK.
          </p>
        </>
      )
      break
    case 'vacant':
      content = (
        <>
          {title(`${answer.seat.name} has no MP at the moment`)}
          <p className="mt-2">
            The seat is vacant until a by-election is held, so there is no one to write to yet. Please come back once a new MP has been
            elected — and meanwhile <a href="/#sign">sign the petition</a>.
          </p>
        </>
      )
      break
    case 'no-email':
      content = (
        <>
          {title(`Your MP is ${answer.mp.name} (${answer.mp.party}), MP for ${answer.seat.name}`)}
          <p className="mt-2">{answer.mp.name} does not publish an email address we can send letters to, so please write to them by post or through their Parliament page.</p>
          {answer.mp.postalAddress ? (
            <p className="mt-2">
              Postal address: <span className="font-semibold">{answer.mp.postalAddress}</span>
            </p>
          ) : null}
          <p className="mt-2">
            <a href={answer.mp.profileUrl}>
              {answer.mp.name}’s contact details on the UK Parliament website<span className="sr-only"> (opens the Parliament website)</span>
            </a>
          </p>
        </>
      )
      break
    case 'switched-off':
      content = (
        <>
          {title(`Your MP is ${answer.mp.name} (${answer.mp.party}), MP for ${answer.seat.name}`)}
          <p className="mt-2">We are not sending campaign letters to {answer.mp.name}.</p>
          {answer.reason ? <p className="mt-2">{answer.reason}</p> : null}
          <p className="mt-2">
            You can still <a href="/#sign">sign the petition</a> and ask friends and family elsewhere to write to their MPs.
          </p>
        </>
      )
      break
  }
  return (
    <div role="status" className="mb-8 rounded-lg border-l-8 border-brand bg-brand-light p-5">
      {content}
    </div>
  )
}
