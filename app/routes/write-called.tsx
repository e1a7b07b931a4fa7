// GET /write/called?mp=<member id>: thank you for calling (after "I called" on /write).
import { Link } from 'react-router'
import { calledMp } from '~/calls/calls.server'
import { callCopy, fillCopy } from '~/calls/copy'
import type { Route } from './+types/write-called'

const copy = callCopy.en

export const meta = () => [{ title: copy.thanksPageTitle }]

export async function loader({ request }: Route.LoaderArgs) {
  const id = new URL(request.url).searchParams.get('mp') ?? ''
  return { mp: /^\d{1,7}$/.test(id) ? await calledMp(Number(id)) : null }
}

export default function WriteCalled({ loaderData }: Route.ComponentProps) {
  const { mp } = loaderData
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
          <Link to="/write">{copy.thanksWrite}</Link>
        </li>
        <li>
          <Link to="/#sign">{copy.thanksSign}</Link>
        </li>
        {mp?.seatCode ? (
          <li>
            <Link to={`/map/${mp.seatCode}`}>{copy.thanksMap}</Link>
          </li>
        ) : null}
      </ul>
    </div>
  )
}
