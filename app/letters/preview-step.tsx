// Step 3 of /write: exactly what the MP will receive, then "Send my letter",
// "Change my letter", or "Use my own email instead". The letter travels in
// hidden fields; the server checks it all again on every step.
import { useRef } from 'react'
import { Form, useNavigation } from 'react-router'
import { fill, localePath } from '~/i18n/language'
import type { LetterParts } from './letter-text'
import { personalisationMessage } from './personalisation'
import { useFocusOnArrival } from './use-focus-on-arrival'
import type { WriteLocale } from './words'

export type LetterValues = Record<string, string | number | undefined>

export function HiddenLetterFields({ values }: { values: LetterValues }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) =>
        value === undefined || value === '' ? null : <input key={name} type="hidden" name={name} value={String(value)} />,
      )}
    </>
  )
}

export function LetterView({ letter }: { letter: LetterParts }) {
  return (
    <div className="rounded-lg border-2 border-gray-300 bg-white p-5">
      <p className="whitespace-pre-line">{letter.sender.join('\n')}</p>
      {letter.body.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="mt-4 whitespace-pre-line">
          {p}
        </p>
      ))}
      {letter.footer ? <p className="mt-6 border-t border-gray-300 pt-3 text-sm text-ink-muted">— {letter.footer}</p> : null}
    </div>
  )
}

export interface PreviewProps {
  mpName: string
  to: string
  from: string
  replyTo: string
  subject: string
  letter: LetterParts
  personalisation: number
  values: LetterValues
  error?: string
  locale: WriteLocale
}

export function PreviewStep({ mpName, to, from, replyTo, subject, letter, personalisation, values, error, locale }: PreviewProps) {
  const { t, language } = locale
  const p = t.preview
  const mp = { mp: mpName }
  const busy = useNavigation().state === 'submitting'
  const heading = useRef<HTMLHeadingElement>(null)
  useFocusOnArrival(heading, !error)
  const percent = Math.round(personalisation * 100)
  return (
    <>
      <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
        {fill(p.heading, mp)}
      </h2>
      <p className="mt-2">{fill(p.exactly, mp)}</p>
      {error ? (
        <div role="alert" className="mt-4 rounded border-4 border-warn p-4">
          <p className="font-semibold">{error}</p>
        </div>
      ) : null}
      <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{p.to}</dt>
        <dd className="break-all">
          {mpName} &lt;{to}&gt;
        </dd>
        <dt className="font-semibold">{p.from}</dt>
        <dd className="break-all">{from}</dd>
        <dt className="font-semibold">{p.replyTo}</dt>
        <dd className="break-all">{replyTo}</dd>
        <dt className="font-semibold">{p.subject}</dt>
        <dd>{subject}</dd>
      </dl>
      <div className="mt-4 max-w-3xl">
        <LetterView letter={letter} />
      </div>
      <p className="mt-4 max-w-3xl">
        <strong>{percent}%</strong> {p.ownWords} {personalisationMessage(personalisation, t.meter)}
      </p>
      <p className="mt-2 max-w-3xl text-sm text-ink-muted">{p.sentFrom}</p>

      <Form method="post" action={localePath(language, '/write/send')} className="mt-6 max-w-3xl">
        <HiddenLetterFields values={values} />
        <p className="mb-3">{fill(p.whenSend, mp)}</p>
        <div className="flex flex-wrap gap-4">
          <button type="submit" name="intent" value="send" className="btn" disabled={busy}>
            {p.send}
          </button>
          <button type="submit" name="intent" value="edit" formAction={localePath(language, '/write/preview')} className="btn-secondary" disabled={busy}>
            {p.change}
          </button>
        </div>

        <h3 className="mt-10 text-xl font-bold">{p.ownTitle}</h3>
        <p className="mt-1">{p.ownText}</p>
        <button type="submit" name="intent" value="own-mail" className="btn-secondary mt-3" disabled={busy}>
          {p.ownButton}
        </button>
      </Form>
    </>
  )
}

export function OwnMailStep({
  mpName,
  to,
  subject,
  links,
  locale,
}: {
  mpName: string
  to: string
  subject: string
  links: { mailto: string; gmail: string; outlook: string; text: string }
  locale: WriteLocale
}) {
  const o = locale.t.ownMail
  const mp = { mp: mpName }
  const heading = useRef<HTMLHeadingElement>(null)
  useFocusOnArrival(heading)
  return (
    <>
      <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
        {fill(o.heading, mp)}
      </h2>
      <p className="mt-2 max-w-2xl">{fill(o.text, mp)}</p>
      <ul className="mt-4 flex flex-wrap gap-4">
        <li>
          <a href={links.mailto} className="btn">
            {o.app}
          </a>
        </li>
        <li>
          <a href={links.gmail} className="btn-secondary" target="_blank" rel="noopener noreferrer">
            {o.gmail}
            <span className="sr-only">{o.newTab}</span>
          </a>
        </li>
        <li>
          <a href={links.outlook} className="btn-secondary" target="_blank" rel="noopener noreferrer">
            {o.outlook}
            <span className="sr-only">{o.newTab}</span>
          </a>
        </li>
      </ul>
      <h3 className="mt-8 text-xl font-bold">{o.copyTitle}</h3>
      <dl className="mt-2 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{o.to}</dt>
        <dd className="break-all">{to}</dd>
        <dt className="font-semibold">{o.subject}</dt>
        <dd>{subject}</dd>
      </dl>
      <label htmlFor="own-mail-text" className="field-label mt-4">
        {o.theLetter}
      </label>
      <textarea id="own-mail-text" readOnly rows={16} defaultValue={links.text} className="input max-w-3xl font-normal" />
    </>
  )
}
