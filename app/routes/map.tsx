import { fill, localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
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
  { title: loaderData?.t.title ?? 'Support in every constituency — Duty of Care petition' },
  ...(loaderData ? [{ name: 'description', content: loaderData.t.description }] : []),
  ...shareMeta(loaderData?.share),
]

export async function loader({ request }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  const messages = messagesFor(language)
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const map = await supportMap()
  const byRank = [...searchSeats(map.seats, q)].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'en-GB'))
  return {
    language,
    t: messages.map,
    mapWords: messages.hexMap,
    q,
    seats: map.seats.map((s) => ({ onsCode: s.onsCode, name: s.name, nation: s.nation, q: s.q, r: s.r, value: s.signatures })),
    rows: byRank,
    nations: map.nations,
    signatureCount: map.signatureCount,
    share: {
      ...campaignShareCard(map.signatureCount, '/map', language),
      title: messages.map.shareTitle,
      ...(language === 'en' ? {} : { description: messages.map.description }),
    },
  }
}

export default function MapPage({ loaderData }: Route.ComponentProps) {
  const { language, t, mapWords, q, seats, rows, nations, signatureCount } = loaderData
  const at = (path: string) => localePath(language, path)
  const placed = nations.reduce((sum, n) => sum + n.signatures, 0)
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t.heading}</h1>
      <p className="mt-2 max-w-3xl text-lg">
        {fill(signatureCount === 1 ? t.introOne : t.introMany, { count: formatNumber(signatureCount), placed: formatNumber(placed) })}
      </p>

      <div className="mt-6 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="map-title">
          <h2 id="map-title" className="sr-only">{t.mapHeading}</h2>
          <HexMap seats={seats} measure="signatures" title={t.mapTitle} hrefOf={(code) => at(`/map/${code}`)} skipTo="seats-title" words={mapWords} />
          <HexCredit words={mapWords} />
        </section>
        <section aria-labelledby="nations-title">
          <h2 id="nations-title" className="text-2xl font-bold">{t.byNation}</h2>
          <table className="mt-3 w-full text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-1 pr-4">{t.nation}</th>
                <th scope="col" className="py-1 pr-4 text-right">{t.seats}</th>
                <th scope="col" className="py-1 text-right">{t.signatures}</th>
              </tr>
            </thead>
            <tbody>
              {nations.map((n) => (
                <tr key={n.name} className="border-b border-gray-200">
                  <th scope="row" className="py-1 pr-4 font-normal">{mapWords.nations[n.name]}</th>
                  <td className="py-1 pr-4 text-right tabular-nums">{n.seats}</td>
                  <td className="py-1 text-right tabular-nums">{formatNumber(n.signatures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-6">
            <a href={at('/#sign')} className="btn">{t.sign}</a>
          </p>
        </section>
      </div>

      <section aria-labelledby="seats-title" className="mt-10">
        <h2 id="seats-title" className="text-2xl font-bold" tabIndex={-1}>{t.allSeats}</h2>
        <form method="get" action={at('/map')} role="search" className="mt-3 flex max-w-xl flex-wrap items-end gap-3">
          <div className="flex-1">
            <label htmlFor="q" className="field-label">{t.find}</label>
            <span id="q-hint" className="field-hint">{t.findHint}</span>
            <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" className="input" />
          </div>
          <button type="submit" className="btn">{t.search}</button>
        </form>
        <p className="mt-4" role="status">
          {q ? fill(t.matches, { count: formatNumber(rows.length), q }) : t.mostFirst}{' '}
          {q ? <a href={at('/map#seats-title')}>{t.showAll}</a> : null}
        </p>
        <div className="mt-2 overflow-x-auto">
          {/* Cell styles set once on the table: 650 rows. Columns: rank, seat, nation, then two counts. */}
          <table className="w-full text-left tabular-nums [&_td]:py-1 [&_td]:pr-4 [&_th]:py-1 [&_th]:pr-4 [&_tr>*:first-child]:text-right [&_tr>*:nth-child(n+4)]:text-right [&_tbody_tr]:border-b [&_tbody_tr]:border-gray-200">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col">{t.rank}</th>
                <th scope="col">{t.constituency}</th>
                <th scope="col">{t.nation}</th>
                <th scope="col">{t.signatures}</th>
                <th scope="col">{t.letters}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.onsCode}>
                  <td>{s.signatures ? s.rank : '—'}</td>
                  <th scope="row" className="font-normal">
                    <a href={at(`/map/${s.onsCode}`)}>{s.name}</a>
                  </th>
                  <td>{mapWords.nations[s.nation]}</td>
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
