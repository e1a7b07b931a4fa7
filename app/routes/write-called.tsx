// GET /write/called?mp=<member id>: thank you for calling (after "I called" on /write).
import { Link } from 'react-router'
import { calledMp } from '~/calls/calls.server'
import { callCopy, fillCopy } from '~/calls/copy'
import { localePath } from '~/i18n/language'
import { pageLanguage } from '~/i18n/resolve.server'
import type { Route } from './+types/write-called'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [{ title: callCopy[data?.language ?? 'en'].thanksPageTitle }]

export async function loader({ request }: Route.LoaderArgs) {
  const id = new URL(request.url).searchParams.get('mp') ?? ''
  return { mp: /^\d{1,7}$/.test(id) ? await calledMp(Number(id)) : null, language: pageLanguage(request) }
}

export default function WriteCalled({ loaderData }: Route.ComponentProps) {
  const { mp, language } = loaderData
  const copy = callCopy[language]
  const values = { mp: mp?.name ?? '', seat: mp?.seatName ?? '' }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div role="status" className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{mp ? fillCopy(copy.thanksTitle, values) : copy.thanksTitleNoMp}</h1>
        {mp?.seatName ? <p className="mt-2 text-lg">{fillCopy(copy.thanksBody, values)}</p> : null}
      </div>
      <h2 className="mt-10 text-2xl font-bold">{copy.thanksNext}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          <Link to={localePath(language, '/write')}>{copy.thanksWrite}</Link>
        </li>
        <li>
          <Link to={localePath(language, '/#sign')}>{copy.thanksSign}</Link>
        </li>
        {mp?.seatCode ? (
          <li>
            <Link to={localePath(language, `/map/${mp.seatCode}`)}>{copy.thanksMap}</Link>
          </li>
        ) : null}
      </ul>
    </div>
  )
}
