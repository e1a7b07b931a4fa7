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
import { fill, localePath } from '~/i18n/language'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import type { MergeValues } from './letter-text'
import { measurePersonalisation } from './personalisation'
import { PersonalisationMeter } from './personalisation-meter'
import { useFocusOnArrival } from './use-focus-on-arrival'
import type { WriteLocale } from './words'

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
  merge: Pick<MergeValues, 'mpName' | 'constituency' | 'language'>
  /** Starting values (first visit); a submission result's values win over them. */
  defaults?: Record<string, string | undefined>
  result?: FormResult
  /** A problem with the whole form (a service down). */
  formError?: string
  /** Where the writer came from, carried on as hidden fields. */
  attribution?: Attribution
  /** The page's language and its words. */
  locale: WriteLocale
}

const fieldNames = ['subject', 'body', 'name', 'email', 'addressLine1', 'town', 'postcode', 'phone'] as const

export function ComposeForm({ mp, seatName, prompts, template, merge, defaults = {}, result, formError, attribution, locale }: ComposeProps) {
  const { t, form, language } = locale
  const c = t.compose
  const seat = { seat: seatName }
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
        {fill(t.answer.yourMp, { mp: mp.name, party: mp.party, seat: seatName })}
      </h2>
      <p className="mt-2">
        {c.notWhere} <Link to={localePath(language, '/write')}>{c.startAgain}</Link>.
      </p>
      <Form method="post" action={localePath(language, '/write/preview')} id="write-form" noValidate onInput={remeasure} className="mt-6">
        {formError ? (
          <div role="alert" className="mb-6 rounded border-4 border-warn p-4">
            <h2 className="text-xl font-bold">{c.serviceProblem}</h2>
            <p className="mt-1">{formError}</p>
          </div>
        ) : null}
        <ErrorSummary problems={problems} title={form.errorSummaryTitle} />
        <input type="hidden" name="mpId" value={mp.id} />
        <AttributionFields attribution={attribution} />

        <h3 className="text-xl font-bold">{c.lettersTitle}</h3>
        <div className="mt-3 grid gap-6 lg:grid-cols-[3fr_2fr]">
          <div>
            <TextField field={fields.subject} label={c.subject} hint={c.subjectHint} words={form} />
            <TextArea field={fields.body} label={c.body} rows={22} hint={c.bodyHint} words={form} />
          </div>
          <aside aria-labelledby="prompts-title" className="self-start rounded-lg bg-brand-light p-5">
            <h4 id="prompts-title" className="text-lg font-bold">
              {c.promptsTitle}
            </h4>
            <p className="mt-1">{c.promptsIntro}</p>
            <ul className="mt-3 list-disc space-y-2 pl-5">
              {prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <PersonalisationMeter share={share} words={t.meter} />
          </aside>
        </div>

        <h3 className="mt-6 text-xl font-bold">{c.detailsTitle}</h3>
        <p className="mb-4 mt-1 max-w-2xl">{fill(c.detailsText, seat)}</p>
        <div className="max-w-xl">
          <TextField field={fields.name} label={c.name} autoComplete="name" spellCheck={false} words={form} />
          <TextField field={fields.email} label={c.email} type="email" autoComplete="email" spellCheck={false} hint={c.emailHint} words={form} />
          <TextField field={fields.addressLine1} label={c.addressLine1} autoComplete="address-line1" words={form} />
          <TextField field={fields.town} label={c.town} autoComplete="address-level2" words={form} />
          <TextField field={fields.postcode} label={c.postcode} autoComplete="postal-code" hint={fill(c.postcodeHint, seat)} className="max-w-xs" words={form} />
          <TextField field={fields.phone} label={c.phone} type="tel" autoComplete="tel" required={false} hint={c.phoneHint} words={form} />
        </div>
        <div className="hidden" aria-hidden="true">
          <label htmlFor="write-website">{c.honeypot}</label>
          <input id="write-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? c.busy : c.submit}
        </button>
      </Form>
    </>
  )
}
