// How the count is kept honest, shown to the public beside the count (the same
// figures are in /petition.json under "integrity").
import { fill, localePath, type Language } from '~/i18n/language'
import type { Messages } from '~/i18n/messages.server'
import { formatNumber } from '~/lib/format'
import type { PetitionJson } from './public-counts.server'

export function IntegrityPanel({
  count,
  integrity,
  words,
  language,
}: {
  count: number
  integrity: PetitionJson['integrity']
  words: Messages['integrity']
  language: Language
}) {
  return (
    <section aria-labelledby="integrity-title" className="py-6">
      <h2 id="integrity-title" className="text-3xl font-bold">{words.title}</h2>
      <dl className="mt-6 grid gap-6 md:grid-cols-3">
        <div className="border-l-4 border-brand pl-4">
          <dt className="font-bold">{words.confirmedTitle}</dt>
          <dd className="mt-1">{words.confirmedText}</dd>
        </div>
        <div className="border-l-4 border-brand pl-4">
          <dt className="font-bold">
            <span data-testid="struck-out">{formatNumber(integrity.struck_out)}</span> {words.struckOut}
          </dt>
          <dd className="mt-1">{words.struckOutText}</dd>
        </div>
        <div className="border-l-4 border-brand pl-4">
          <dt className="font-bold">
            <span data-testid="placed">{formatNumber(integrity.placed_in_constituency)}</span> {fill(words.placed, { count: formatNumber(count) })}
          </dt>
          <dd className="mt-1">
            {fill(words.placedText, { notPlaced: formatNumber(integrity.not_placed) })} <a href={localePath(language, '/map')}>{words.seeMap}</a>.
          </dd>
        </div>
      </dl>
      <p className="mt-4 text-sm text-ink-muted">
        {words.publicData} <a href="/petition.json">petition.json</a>.
      </p>
    </section>
  )
}
