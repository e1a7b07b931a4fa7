// One-click unsubscribe from campaign updates: the page offers one button
// (works with and without JavaScript); a mail client's RFC 8058 one-click
// POST (body "List-Unsubscribe=One-Click") unsubscribes at once with a 200.
import { Form, Link, data, useNavigation } from 'react-router'
import { RichText } from '~/components/rich-text'
import { localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import { unsubscribe, unsubscribeState } from '~/updates/unsubscribe.server'
import type { Route } from './+types/unsubscribe'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.t.title ?? 'Unsubscribe from campaign updates — Duty of Care' },
  { name: 'robots', content: 'noindex' },
]

export function headers() {
  // The token is in the address: keep it out of caches and other sites' Referer headers
  // (same-origin, not no-referrer: that makes browsers send "Origin: null", which fails the form's CSRF check).
  return { 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const state = await unsubscribeState(params.token)
  const language = pageLanguage(request)
  return data({ state, language, t: messagesFor(language).unsubscribe }, { status: state.status === 'invalid' ? 404 : 200 })
}

export async function action({ params }: Route.ActionArgs) {
  const state = await unsubscribe(params.token)
  return data({ state }, { status: state.status === 'invalid' ? 404 : 200 })
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const status = (actionData ?? loaderData).state.status
  const { t, language } = loaderData
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      {status === 'subscribed' ? (
        <>
          <h1 className="text-3xl font-bold">{t.heading}</h1>
          <p className="mt-4 text-lg">{t.text}</p>
          <Form method="post" className="mt-6">
            <button type="submit" className="btn" disabled={busy}>
              {t.button}
            </button>
          </Form>
        </>
      ) : status === 'unsubscribed' ? (
        <div role="status">
          <h1 className="text-3xl font-bold">{t.doneHeading}</h1>
          <p className="mt-4 text-lg">{t.doneText}</p>
          <p className="mt-4">
            <RichText message={t.doneMyData} links={{ myData: localePath(language, '/my-data') }} />
          </p>
        </div>
      ) : status === 'test' ? (
        <>
          <h1 className="text-3xl font-bold">{t.testHeading}</h1>
          <p className="mt-4">{t.testText}</p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold">{t.invalidHeading}</h1>
          <p className="mt-4">{t.invalidText}</p>
        </>
      )}
      <p className="mt-8">
        <Link to={localePath(language, '/')}>{t.backHome}</Link>
      </p>
    </div>
  )
}
