// How the count is kept honest, shown to the public beside the count (the same
// figures are in /petition.json under "integrity").
import { formatNumber } from '~/lib/format'
import type { PetitionJson } from './public-counts.server'

export function IntegrityPanel({ count, integrity }: { count: number; integrity: PetitionJson['integrity'] }) {
  return (
    <section aria-labelledby="integrity-title" className="py-6">
      <h2 id="integrity-title" className="text-3xl font-bold">How we keep the count honest</h2>
      <dl className="mt-6 grid gap-6 md:grid-cols-3">
        <div className="border-l-4 border-brand pl-4">
          <dt className="font-bold">Every signature confirmed by email</dt>
          <dd className="mt-1">A signature counts only once its signer clicks the link we email them, and each mailbox counts once.</dd>
        </div>
        <div className="border-l-4 border-brand pl-4">
          <dt className="font-bold">
            <span data-testid="struck-out">{formatNumber(integrity.struck_out)}</span> struck out as abuse
          </dt>
          <dd className="mt-1">Fake or automated signatures our campaigners found and removed. They are not in the count.</dd>
        </div>
        <div className="border-l-4 border-brand pl-4">
          <dt className="font-bold">
            <span data-testid="placed">{formatNumber(integrity.placed_in_constituency)}</span> of {formatNumber(count)} placed in a UK constituency
          </dt>
          <dd className="mt-1">
            By their postcode. {formatNumber(integrity.not_placed)} not placed: postcodes still being looked up, or outside Westminster’s constituencies.{' '}
            <a href="/map">See the map</a>.
          </dd>
        </div>
      </dl>
      <p className="mt-4 text-sm text-ink-muted">
        These figures are public data: <a href="/petition.json">petition.json</a>.
      </p>
    </section>
  )
}
