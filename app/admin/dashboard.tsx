// The dashboard's figures, rendered from one DashboardFigures object so that
// the server's first render and every refresh look the same.
import { useEffect, useState } from 'react'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import { BarList, ColumnChart, type ChartSeries } from './charts'
import type { DashboardFigures } from './figures.server'

/** Why a table of places is empty (decision 097): a signature is placed once confirmed and its postcode looked up. */
const NO_PLACES_YET =
  'No signatures placed in a constituency yet. A signature counts here once it is confirmed and the worker has looked up its postcode with postcodes.io (usually within a minute); if this stays empty while signatures are confirmed, check that the worker is running.'

const REFRESH_MS = 15_000
const series: ChartSeries[] = [
  { name: 'Signatures confirmed', fill: 'fill-brand', swatch: 'bg-brand' },
  { name: 'Letters confirmed', fill: 'fill-accent', swatch: 'bg-accent' },
  { name: 'Calls made', fill: 'fill-ink-muted', swatch: 'bg-ink-muted' },
]

const constituencyColumns: Column<DashboardFigures['topConstituencies'][number]>[] = [
  { header: 'Constituency', rowHeader: true, cell: (c) => c.name },
  { header: 'MP', cell: (c) => c.mp ?? '—' },
  { header: 'Signatures', numeric: true, cell: (c) => formatNumber(c.signatures) },
  { header: 'Letters', numeric: true, cell: (c) => formatNumber(c.letters) },
]
const callSeatColumns: Column<DashboardFigures['calls']['topSeats'][number]>[] = [
  { header: 'Constituency', rowHeader: true, cell: (c) => c.name },
  { header: 'MP', cell: (c) => c.mp ?? '—' },
  { header: 'Calls', numeric: true, cell: (c) => formatNumber(c.calls) },
  { header: 'Letters', numeric: true, cell: (c) => formatNumber(c.letters) },
]
const NO_CALLS_YET = 'No calls yet. A call counts here when a supporter presses “I called” beside their letter on /write.'
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)
const hourFormat = ukTime.weekdayHour
const hourTick = ukTime.hour
const dayFormat = ukTime.day
const dayTick = ukTime.dayShort
const timeFormat = ukTime.time

/** Polls the figures while the page is open; stops when the session has ended. */
export function useLiveFigures(initial: DashboardFigures) {
  const [figures, setFigures] = useState(initial)
  const [signedOut, setSignedOut] = useState(false)
  // New figures from the loader (a revalidation) replace the polled ones, during render rather than in an effect.
  const [loaded, setLoaded] = useState(initial)
  if (loaded !== initial) {
    setLoaded(initial)
    setFigures(initial)
  }
  useEffect(() => {
    if (signedOut) return
    const timer = setInterval(() => void refresh(), REFRESH_MS)
    async function refresh() {
      if (document.hidden) return
      try {
        const response = await fetch('/admin/figures.json', { headers: { accept: 'application/json' } })
        if (response.status === 401) return setSignedOut(true)
        if (response.ok) setFigures((await response.json()) as DashboardFigures)
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }
    return () => clearInterval(timer)
  }, [signedOut])
  return { figures, signedOut }
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border-2 border-brand-light p-4">
      <dt className="text-sm font-semibold text-ink-muted">{label}</dt>
      <dd className="mt-1 text-3xl font-bold tabular-nums">{value}</dd>
      {note ? <dd className="mt-1 text-sm text-ink-muted">{note}</dd> : null}
    </div>
  )
}

/** `status`: the System status panel, shown first under the page's heading. */
export function Dashboard({ initial, status }: { initial: DashboardFigures; status?: React.ReactNode }) {
  const { figures, signedOut } = useLiveFigures(initial)
  const { signatures, letters, milestones, calls } = figures
  const hourPoints = figures.perHour.map((p, i) => ({
    label: hourFormat.format(new Date(p.at)),
    tick: i % 6 === 0 ? hourTick.format(new Date(p.at)) : '',
    values: [p.signatures, p.letters, p.calls],
  }))
  const every = Math.max(1, Math.ceil(figures.perDay.length / 8))
  const dayPoints = figures.perDay.map((p, i) => ({
    label: dayFormat.format(new Date(p.at)),
    tick: i % every === 0 ? dayTick.format(new Date(p.at)) : '',
    values: [p.signatures, p.letters, p.calls],
  }))
  const sum = (points: { values: number[] }[], i: number) => points.reduce((s, p) => s + p.values[i], 0)
  const busiest = figures.perHour.reduce((best, p) => (p.signatures > best.signatures ? p : best), figures.perHour[0] ?? { at: '', signatures: 0, letters: 0 })
  const { progress } = milestones
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold">Campaign figures</h1>
        <p className="text-sm text-ink-muted">
          {signedOut ? (
            <strong className="text-warn">Your session has ended: <a href="/admin/sign-in">sign in again</a> to keep these figures up to date.</strong>
          ) : (
            <>Counts as of {timeFormat.format(new Date(figures.updatedAt))}; this page updates itself every {REFRESH_MS / 1000} seconds.</>
          )}
        </p>
      </div>
      {status}

      <section aria-labelledby="petition-figures" className="mt-6">
        <h2 id="petition-figures" className="text-2xl font-bold">Petition</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure
            label="Confirmed signatures"
            value={formatNumber(signatures.confirmed)}
            note={figures.paper.includedInPublicTotal ? 'Online, confirmed by email; the public count adds the paper ones' : 'Online, confirmed by email: the public count on the campaign page'}
          />
          <Figure
            label="On paper"
            value={formatNumber(figures.paper.count)}
            note={figures.paper.includedInPublicTotal ? `Added to the public count: ${formatNumber(figures.paper.publicTotal)} in all` : 'Not in the public count (Closing the campaign page)'}
          />
          <Figure label="Waiting for confirmation" value={formatNumber(signatures.pending)} />
          <Figure label="Confirmation rate" value={percent(signatures.confirmationRate)} note="Confirmed, of confirmed and waiting" />
          <Figure label="Opted in to updates" value={percent(signatures.optInRate)} note="Of confirmed signers" />
        </dl>
      </section>

      <section aria-labelledby="letter-figures" className="mt-8">
        <h2 id="letter-figures" className="text-2xl font-bold">Letters to MPs</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label="Letters confirmed" value={formatNumber(letters.confirmed)} />
          <Figure label="Sent" value={formatNumber(letters.sent)} />
          <Figure label="Delivered" value={formatNumber(letters.delivered)} />
          <Figure label="Bounced" value={formatNumber(letters.bounced)} />
          <Figure
            label="Personalised"
            value={percent(letters.personalisationRate)}
            note={letters.averageOwnWords === null ? undefined : `On average ${percent(letters.averageOwnWords)} of a letter is the writer’s own words`}
          />
          <Figure label="MPs written to" value={`${formatNumber(letters.mpsWrittenTo)} of ${formatNumber(letters.mpsTotal)}`} />
        </dl>
      </section>

      <section aria-labelledby="call-figures" className="mt-8">
        <h2 id="call-figures" className="text-2xl font-bold">Calls to MPs</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label="Calls made" value={formatNumber(calls.total)} note="Supporters who pressed “I called”" />
          <Figure label="MPs called" value={`${formatNumber(calls.mpsCalled)} of ${formatNumber(letters.mpsTotal)}`} />
        </dl>
        <div className="mt-4">
          <DataTable
            caption="Constituencies by calls to their MP"
            className="w-full max-w-4xl"
            scroll
            columns={callSeatColumns}
            rows={calls.topSeats}
            rowKey={(c) => c.onsCode}
            empty={NO_CALLS_YET}
          />
        </div>
      </section>

      <section aria-labelledby="milestones-title" className="mt-8">
        <h2 id="milestones-title" className="text-2xl font-bold">Milestones</h2>
        {progress.next ? (
          <>
            <p className="mt-2">
              {formatNumber(progress.count)} of {formatNumber(progress.next)} — {formatNumber(progress.next - progress.count)} to go to the next milestone.
            </p>
            <div className="mt-2 h-4 w-full max-w-xl rounded bg-brand-light" aria-hidden="true">
              <div className="h-4 rounded bg-brand" style={{ width: `${progress.percent}%` }} />
            </div>
          </>
        ) : (
          <p className="mt-2">Every milestone has been reached.</p>
        )}
        <ul className="mt-3 space-y-1">
          {milestones.list.map((m) => (
            <li key={m.threshold}>
              <strong>{formatNumber(m.threshold)}</strong>:{' '}
              {m.reachedAt ? `reached ${dayFormat.format(new Date(m.reachedAt))} at ${hourTick.format(new Date(m.reachedAt))}` : 'not yet reached'}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="over-time" className="mt-8">
        <h2 id="over-time" className="text-2xl font-bold">Over time</h2>
        <ColumnChart
          title={`Per hour, last ${figures.perHour.length} hours (UK time)`}
          summary={`${formatNumber(sum(hourPoints, 0))} signatures, ${formatNumber(sum(hourPoints, 1))} letters and ${formatNumber(sum(hourPoints, 2))} calls in the last ${figures.perHour.length} hours.${busiest.signatures ? ` Busiest hour: ${hourFormat.format(new Date(busiest.at))}, ${formatNumber(busiest.signatures)} signatures.` : ''}`}
          series={series}
          points={hourPoints}
          firstColumn="Hour starting"
        />
        <ColumnChart
          title="Per day since launch (UK days)"
          summary={`${formatNumber(sum(dayPoints, 0))} signatures, ${formatNumber(sum(dayPoints, 1))} letters and ${formatNumber(sum(dayPoints, 2))} calls over ${dayPoints.length} days.`}
          series={series}
          points={dayPoints}
          firstColumn="Day"
        />
      </section>

      <section aria-labelledby="places" className="mt-8">
        <h2 id="places" className="text-2xl font-bold">Where support comes from</h2>
        <BarList title="Confirmed signatures by nation" rows={figures.byNation.map((n) => ({ label: n.name, value: n.signatures }))} empty={NO_PLACES_YET} />
        <h3 className="mt-6 text-lg font-bold">Top constituencies</h3>
        <div className="mt-2">
          <DataTable
            caption="Top constituencies by confirmed signatures"
            className="w-full max-w-4xl"
            scroll
            columns={constituencyColumns}
            rows={figures.topConstituencies}
            rowKey={(c) => c.onsCode}
            empty={NO_PLACES_YET}
          />
        </div>
        <p className="mt-2"><a href="/admin/constituencies">Search all constituencies</a></p>
      </section>
    </>
  )
}
