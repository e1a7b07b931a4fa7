// "Or call your MP", beside the letter on /write: the MP's office numbers as
// tel: links (or Parliament's contact page when they list none), the campaign's
// script for this MP, and "I called" — a plain POST form, so it works without
// JavaScript. Everything shown is text; React escapes it.
import { Form, useNavigation } from 'react-router'
import { localePath, type Language } from '~/i18n/language'
import { telHref } from '~/mps/phone'
import type { CallOffer } from './calls.server'
import { callCopy, fillCopy, type CallCopy } from './copy'

function PhoneLink({ label, phone }: { label: string; phone: string }) {
  return (
    <li>
      <span className="block text-sm font-semibold">{label}</span>
      <a href={telHref(phone)} className="text-2xl font-bold tabular-nums">
        {phone}
      </a>
    </li>
  )
}

export function CallPanel({ offer, copy = callCopy.en, language = 'en' }: { offer: CallOffer; copy?: CallCopy; language?: Language }) {
  const action = localePath(language, '/write/call')
  const busy = useNavigation().formAction === action
  const values = { mp: offer.mpName, seat: offer.seatName }
  const hasPhone = offer.westminsterPhone || offer.constituencyPhone
  return (
    <aside aria-labelledby="call-title" id="call" className="mt-10 max-w-3xl rounded-lg border-2 border-brand p-5" data-testid="call-panel">
      <h2 id="call-title" className="text-2xl font-bold">
        {copy.panelTitle}
      </h2>
      <p className="mt-2">{copy.panelIntro}</p>

      <h3 className="mt-4 text-lg font-bold">{fillCopy(copy.phonesHeading, values)}</h3>
      {hasPhone ? (
        <ul className="mt-2 space-y-3">
          {offer.westminsterPhone ? <PhoneLink label={copy.westminsterOffice} phone={offer.westminsterPhone} /> : null}
          {offer.constituencyPhone ? <PhoneLink label={fillCopy(copy.constituencyOffice, values)} phone={offer.constituencyPhone} /> : null}
        </ul>
      ) : (
        <p className="mt-2">
          {fillCopy(copy.noPhones, values)}{' '}
          <a href={offer.profileUrl}>
            {fillCopy(copy.profileLink, values)}
            <span className="sr-only">{copy.opensParliament}</span>
          </a>
        </p>
      )}

      <h3 className="mt-5 text-lg font-bold">{copy.scriptHeading}</h3>
      <p className="mt-1 text-sm text-ink-muted">{copy.scriptHint}</p>
      <div className="mt-2 rounded bg-brand-light p-4" data-testid="call-script">
        {offer.script.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i} className="mt-2 whitespace-pre-line first:mt-0">
            {paragraph}
          </p>
        ))}
      </div>

      <h3 className="mt-5 text-lg font-bold">{copy.calledHeading}</h3>
      <p className="mt-1">{fillCopy(copy.calledHint, values)}</p>
      <Form method="post" action={action} className="mt-3">
        <input type="hidden" name="mpId" value={offer.mpId} />
        <input type="hidden" name="seat" value={offer.seatCode} />
        <button type="submit" className="btn" disabled={busy}>
          {copy.calledButton}
        </button>
      </Form>
    </aside>
  )
}
