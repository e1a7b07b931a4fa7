import { HexCredit, HexMap } from '~/map/hex-map'
import { searchSeats, supportMap } from '~/map/support.server'
import type { PageHandle } from '~/lib/page-handle'
import { formatNumber } from '~/lib/format'
import { campaignShareCard } from '~/share/og-image.server'
import { shareMeta } from '~/share/share-meta'
import type { Route } from './+types/map'

// 650 links and a 650-row table: plain HTML, no JavaScript needed or sent.
export const handle: PageHandle = { hydrate: false }

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: 'Support in every constituency — Duty of Care petition' },
  { name: 'description', content: 'A map of the 650 UK constituencies showing how many people in each have signed the Duty of Care petition.' },
  ...shareMeta(loaderData?.share),
]

export async function loader({ request }: Route.LoaderArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const map = await supportMap()
  const byRank = [...searchSeats(map.seats, q)].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'en-GB'))
  return {
    q,
    seats: map.seats.map((s) => ({ onsCode: s.onsCode, name: s.name, nation: s.nation, q: s.q, r: s.r, value: s.signatures })),
    rows: byRank,
    nations: map.nations,
    signatureCount: map.signatureCount,
    share: { ...campaignShareCard(map.signatureCount, '/map'), title: 'Support for a Duty of Care in every constituency' },
  }
}

export default function MapPage({ loaderData }: Route.ComponentProps) {
  const { q, seats, rows, nations, signatureCount } = loaderData
  const placed = nations.reduce((sum, n) => sum + n.signatures, 0)
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">Support in every constituency</h1>
      <p className="mt-2 max-w-3xl text-lg">
        {formatNumber(signatureCount)} {signatureCount === 1 ? 'person has' : 'people have'} signed; {formatNumber(placed)} of them are placed in a
        constituency by their postcode. Choose a constituency to see its MP and how many people there have signed.
      </p>

      <div className="mt-6 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="map-title">
          <h2 id="map-title" className="sr-only">Map of the 650 constituencies</h2>
          <HexMap
            seats={seats}
            measure="signatures"
            title="Hex map of the 650 UK constituencies, each linking to its page"
            hrefOf={(code) => `/map/${code}`}
            skipTo="seats-title"
          />
          <HexCredit />
        </section>
        <section aria-labelledby="nations-title">
          <h2 id="nations-title" className="text-2xl font-bold">By nation</h2>
          <table className="mt-3 w-full text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-1 pr-4">Nation</th>
                <th scope="col" className="py-1 pr-4 text-right">Seats</th>
                <th scope="col" className="py-1 text-right">Signatures</th>
              </tr>
            </thead>
            <tbody>
              {nations.map((n) => (
                <tr key={n.name} className="border-b border-gray-200">
                  <th scope="row" className="py-1 pr-4 font-normal">{n.name}</th>
                  <td className="py-1 pr-4 text-right tabular-nums">{n.seats}</td>
                  <td className="py-1 text-right tabular-nums">{formatNumber(n.signatures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-6">
            <a href="/#sign" className="btn">Sign the petition</a>
          </p>
        </section>
      </div>

      <section aria-labelledby="seats-title" className="mt-10">
        <h2 id="seats-title" className="text-2xl font-bold" tabIndex={-1}>All 650 constituencies</h2>
        <form method="get" action="/map" role="search" className="mt-3 flex max-w-xl flex-wrap items-end gap-3">
          <div className="flex-1">
            <label htmlFor="q" className="field-label">Find a constituency</label>
            <span id="q-hint" className="field-hint">Its name, part of it, or its ONS code</span>
            <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" className="input" />
          </div>
          <button type="submit" className="btn">Search</button>
        </form>
        <p className="mt-4" role="status">
          {q ? `${formatNumber(rows.length)} of 650 constituencies match “${q}”.` : 'Most signatures first.'}{' '}
          {q ? <a href="/map#seats-title">Show all</a> : null}
        </p>
        <div className="mt-2 overflow-x-auto">
          {/* Cell styles set once on the table: 650 rows. Columns: rank, seat, nation, then two counts. */}
          <table className="w-full text-left tabular-nums [&_td]:py-1 [&_td]:pr-4 [&_th]:py-1 [&_th]:pr-4 [&_tr>*:first-child]:text-right [&_tr>*:nth-child(n+4)]:text-right [&_tbody_tr]:border-b [&_tbody_tr]:border-gray-200">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col">Rank</th>
                <th scope="col">Constituency</th>
                <th scope="col">Nation</th>
                <th scope="col">Signatures</th>
                <th scope="col">Letters to their MP</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.onsCode}>
                  <td>{s.signatures ? s.rank : '—'}</td>
                  <th scope="row" className="font-normal">
                    <a href={`/map/${s.onsCode}`}>{s.name}</a>
                  </th>
                  <td>{s.nation}</td>
                  <td>{formatNumber(s.signatures)}</td>
                  <td>{formatNumber(s.letters)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
