// Step 2 of /write: the letter (pre-filled, fully editable) beside prompts and
// the personalisation meter, then the supporter's details. Posts to
// /write/preview; works the same without JavaScript (the meter then shows the
// starting figure, and the preview shows the final one).
import { useRef, useState, type SyntheticEvent } from 'react'
import { Form, Link, useNavigation } from 'react-router'
import { AttributionFields } from '~/attribution/attribution-fields'
import type { Attribution } from '~/attribution/codes'
import { ErrorSummary } from '~/components/error-summary'
import { TextArea } from '~/components/text-area'
import { TextField, fieldState, problemsOf, type FormResult } from '~/components/text-field'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import type { MergeValues } from './letter-text'
import { measurePersonalisation } from './personalisation'
import { PersonalisationMeter } from './personalisation-meter'
import { useFocusOnArrival } from './use-focus-on-arrival'

export const WRITE_FORM = 'write'

export interface ComposeMp {
  id: number
  name: string
  party: string
}

export interface ComposeProps {
  mp: ComposeMp
  seatName: string
  prompts: string[]
  /** The template before merging, and the MP's merge values: what the meter measures against. */
  template: string
  merge: Pick<MergeValues, 'mpName' | 'constituency'>
  /** Starting values (first visit); a submission result's values win over them. */
  defaults?: Record<string, string | undefined>
  result?: FormResult
  /** A problem with the whole form (a service down). */
  formError?: string
  /** Where the writer came from, carried on as hidden fields. */
  attribution?: Attribution
}

const fieldNames = ['subject', 'body', 'name', 'email', 'addressLine1', 'town', 'postcode', 'phone'] as const

export function ComposeForm({ mp, seatName, prompts, template, merge, defaults = {}, result, formError, attribution }: ComposeProps) {
  const busy = useNavigation().state === 'submitting'
  const fields = Object.fromEntries(
    fieldNames.map((n) => {
      const state = fieldState(WRITE_FORM, result, n)
      return [n, { ...state, defaultValue: state.defaultValue ?? defaults[n] }]
    }),
  ) as Record<(typeof fieldNames)[number], ReturnType<typeof fieldState>>
  const measure = (body: string, name: string, town: string) => measurePersonalisation({ body, template, ...merge, name, town })
  const [share, setShare] = useState(() => measure(fields.body.defaultValue ?? '', fields.name.defaultValue ?? '', fields.town.defaultValue ?? ''))
  const heading = useRef<HTMLHeadingElement>(null)
  useFocusOnArrival(heading, !result?.error || !Object.keys(result.error).length)

  function remeasure(event: SyntheticEvent<HTMLFormElement>) {
    const form = event.currentTarget
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? ''
    setShare(measure(value('body'), value('name'), value('town')))
  }

  const problems = problemsOf(fieldNames.map((n) => fields[n]))
  return (
    <>
      <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
        Your MP is {mp.name} ({mp.party}), MP for {seatName}
      </h2>
      <p className="mt-2">
        Not where you live? <Link to="/write">Start again with another postcode</Link>.
      </p>
      <Form method="post" action="/write/preview" id="write-form" noValidate onInput={remeasure} className="mt-6">
        {formError ? (
          <div role="alert" className="mb-6 rounded border-4 border-warn p-4">
            <h2 className="text-xl font-bold">Sorry, we could not check that just now</h2>
            <p className="mt-1">{formError}</p>
          </div>
        ) : null}
        <ErrorSummary problems={problems} />
        <input type="hidden" name="mpId" value={mp.id} />
        <AttributionFields attribution={attribution} />

        <h3 className="text-xl font-bold">Your letter</h3>
        <div className="mt-3 grid gap-6 lg:grid-cols-[3fr_2fr]">
          <div>
            <TextField field={fields.subject} label="Subject" hint="We picked one of several subject lines. Change it if you like." />
            <TextArea
              field={fields.body}
              label="Your letter"
              rows={22}
              hint="Our draft is a starting point: change anything, cut what you do not agree with, and add your own words."
            />
          </div>
          <aside aria-labelledby="prompts-title" className="self-start rounded-lg bg-brand-light p-5">
            <h4 id="prompts-title" className="text-lg font-bold">
              Make it yours
            </h4>
            <p className="mt-1">Letters in a constituent’s own words carry far more weight than a template. A few sentences are enough:</p>
            <ul className="mt-3 list-disc space-y-2 pl-5">
              {prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <PersonalisationMeter share={share} />
          </aside>
        </div>

        <h3 className="mt-6 text-xl font-bold">Your details</h3>
        <p className="mb-4 mt-1 max-w-2xl">
          MPs act on letters from their own constituents, so your MP needs your name and home address to see that you live in {seatName}. We
          put them at the top of your letter, and your MP replies to your email. We never publish them.
        </p>
        <div className="max-w-xl">
          <TextField field={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
          <TextField
            field={fields.email}
            label="Email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            hint="We will email you a link to confirm, then a copy of your letter. Your MP’s reply comes here."
          />
          <TextField field={fields.addressLine1} label="Address line 1" autoComplete="address-line1" />
          <TextField field={fields.town} label="Town or city" autoComplete="address-level2" />
          <TextField field={fields.postcode} label="Postcode" autoComplete="postal-code" hint={`Your home postcode, in ${seatName}.`} className="max-w-xs" />
          <TextField field={fields.phone} label="Phone number" type="tel" autoComplete="tel" required={false} hint="Some MPs’ offices like to call back." />
        </div>
        <div className="hidden" aria-hidden="true">
          <label htmlFor="write-website">Leave this field empty</label>
          <input id="write-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? 'Preparing your preview…' : 'Preview my letter'}
        </button>
      </Form>
    </>
  )
}
