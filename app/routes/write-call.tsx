// POST /write/call: "I called" from the panel on /write. Counts the call, then the thank-you page.
import { parseWithZod } from '@conform-to/zod'
import { Link, data, redirect, useLocation } from 'react-router'
import { calledSchema, recordCall } from '~/calls/calls.server'
import { callCopy } from '~/calls/copy'
import { languageFromPath, localePath } from '~/i18n/language'
import { pageLanguage } from '~/i18n/resolve.server'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/write-call'

export const meta: Route.MetaFunction = ({ location }) => {
  const language = languageFromPath(location.pathname)
  return [{ title: `${language === 'cy' ? 'Gwall: ' : 'Error: '}${callCopy[language].pageTitle}` }]
}

/** The form has two hidden fields (and the cross-site check's); nothing longer than a seat code. */
const CALL_FORM_LIMITS = { maxFields: 10, maxChars: { mpId: 20, seat: 20 } }

export function loader({ request }: Route.LoaderArgs) {
  return redirect(localePath(pageLanguage(request), '/write'), 303)
}

export async function action({ request, context }: Route.ActionArgs) {
  const language = pageLanguage(request)
  const copy = callCopy[language]
  const submission = parseWithZod(await readFormData(request, CALL_FORM_LIMITS), { schema: calledSchema })
  if (submission.status !== 'success') return data({ message: copy.unknownMp }, { status: 400 })
  const outcome = await recordCall(submission.value, { ipAddress: context.clientIp })
  switch (outcome.status) {
    case 'recorded':
      return redirect(localePath(language, `/write/called?mp=${outcome.mpId}`), 303)
    case 'unknown-mp':
      return data({ message: copy.unknownMp }, { status: 400 })
    case 'rate-limited':
      return data({ message: copy.rateLimited }, { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } })
  }
}

export default function WriteCall({ actionData }: Route.ComponentProps) {
  const language = languageFromPath(useLocation().pathname)
  const copy = callCopy[language]
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div role="alert" className="rounded border-4 border-warn p-5">
        <h1 className="text-2xl font-bold">{copy.problemTitle}</h1>
        <p className="mt-2">{actionData?.message ?? copy.unknownMp}</p>
      </div>
      <p className="mt-6">
        <Link to={localePath(language, '/write')}>{copy.startAgain}</Link>
      </p>
    </div>
  )
}
