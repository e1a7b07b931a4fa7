// The dashboard's map (/admin/map): the public hex map with a switch between
// signatures and letters (plain links with ?show=…, so it works without
// JavaScript), and the nations' totals beside it.
import { Link } from 'react-router'
import { formatNumber } from '~/lib/format'
import { HexCredit, HexMap, type HexSeat, type Measure } from './hex-map'

export interface SupportMapPanelProps {
  measure: Measure
  seats: HexSeat[]
  nations: { name: string; seats: number; signatures: number; letters: number }[]
}

const switchClass = (active: boolean) =>
  `rounded px-3 py-2 font-semibold no-underline ${active ? 'bg-brand text-white hover:text-white' : 'border-2 border-brand text-brand'}`

export function SupportMapPanel({ measure, seats, nations }: SupportMapPanelProps) {
  return (
    <section aria-labelledby="support-map">
      <h1 id="support-map" className="text-3xl font-bold">Map of support</h1>
      <nav aria-label="What the map shows" className="mt-3">
        <ul className="flex flex-wrap gap-2">
          {(['signatures', 'letters'] as const).map((m) => (
            <li key={m}>
              <Link to={`?show=${m}`} preventScrollReset className={switchClass(measure === m)} aria-current={measure === m ? 'true' : undefined}>
                {m === 'signatures' ? 'Signatures' : 'Letters to MPs'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-4 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div>
          <HexMap
            seats={seats}
            measure={measure}
            title={`Hex map of the 650 constituencies by ${measure === 'signatures' ? 'confirmed signatures' : 'letters to MPs'}`}
            hrefOf={(code) => `/admin/constituencies?q=${code}`}
            skipTo="map-nations"
          />
          <HexCredit />
        </div>
        <div>
          <h2 id="map-nations" className="text-xl font-bold" tabIndex={-1}>By nation</h2>
          <table className="mt-2 w-full text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-1 pr-4">Nation</th>
                <th scope="col" className="py-1 pr-4 text-right">Signatures</th>
                <th scope="col" className="py-1 text-right">Letters</th>
              </tr>
            </thead>
            <tbody>
              {nations.map((n) => (
                <tr key={n.name} className="border-b border-gray-200">
                  <th scope="row" className="py-1 pr-4 font-normal">{n.name} <span className="text-sm text-ink-muted">({n.seats} seats)</span></th>
                  <td className="py-1 pr-4 text-right tabular-nums">{formatNumber(n.signatures)}</td>
                  <td className="py-1 text-right tabular-nums">{formatNumber(n.letters)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 text-sm text-ink-muted">Choose a seat on the map for its figures; every seat is listed under Constituencies.</p>
        </div>
      </div>
    </section>
  )
}
