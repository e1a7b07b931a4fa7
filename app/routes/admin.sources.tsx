import { requireCampaigner } from '~/admin/auth.server'
import { DAYS, DIMENSIONS } from '~/admin/sources'
import { sourceFigures, type SourceRow } from '~/admin/sources.server'
import { formatNumber } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.sources'

export const meta = () => [{ title: 'Sources — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  const campaigner = await requireCampaigner(request)
  return { figures: await sourceFigures(), canExport: campaigner.role === 'admin' }
}

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)
const code = (value: string | null) => (value === null ? <span className="text-ink-muted">(none)</span> : value)

const sourceColumns: Column<SourceRow>[] = [
  { header: 'Code', rowHeader: true, cell: (r) => code(r.value) },
  { header: 'Confirmed signatures', numeric: true, cell: (r) => formatNumber(r.signatures) },
  { header: 'Letters confirmed', numeric: true, cell: (r) => formatNumber(r.letters) },
]

type Figures = Route.ComponentProps['loaderData']['figures']
type PerDayRow = Figures['perDay']['days'][number]
const referralColumns: Column<Figures['topReferralCodes'][number]>[] = [
  { header: 'Referral code', rowHeader: true, className: 'font-mono', cell: (r) => r.code },
  { header: 'Confirmed signatures', numeric: true, cell: (r) => formatNumber(r.signatures) },
]

function SourceTable({ id, title, rows }: { id: string; title: string; rows: SourceRow[] }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">{title}</h2>
      <div className="mt-2">
        <DataTable
          caption={`Confirmed signatures and letters ${title.toLowerCase()}`}
          className="w-full max-w-3xl"
          scroll
          columns={sourceColumns}
          rows={rows}
          rowKey={(r) => r.value ?? ''}
          empty="No confirmed signatures or letters yet."
        />
      </div>
    </section>
  )
}

export default function AdminSources({ loaderData }: Route.ComponentProps) {
  const { figures, canExport } = loaderData
  const { perDay } = figures
  return (
    <>
      <h1 className="text-3xl font-bold">Sources</h1>
      <p className="mt-2 max-w-3xl text-ink-muted">
        Where confirmed supporters came from: the codes on the link they arrived by (<code>utm_source</code>, <code>utm_medium</code>,{' '}
        <code>utm_campaign</code>, a partner’s <code>?partner=</code>, a supporter’s <code>?ref=</code>). “(none)” means the link had no such code.
      </p>
      {canExport ? (
        <p className="mt-3">
          <a href="/admin/exports/sources.csv" download className="btn-secondary">Download these figures (CSV)</a>
        </p>
      ) : null}

      <section aria-labelledby="referral-title" className="mt-6">
        <h2 id="referral-title" className="text-2xl font-bold">Referrals</h2>
        <dl className="mt-2 grid max-w-3xl gap-4 sm:grid-cols-3">
          <div className="rounded-lg border-2 border-brand-light p-4">
            <dt className="text-sm font-semibold">Confirmed signatures</dt>
            <dd className="text-3xl font-extrabold tabular-nums">{formatNumber(figures.totals.signatures)}</dd>
          </div>
          <div className="rounded-lg border-2 border-brand-light p-4">
            <dt className="text-sm font-semibold">Signed through a supporter’s link</dt>
            <dd className="text-3xl font-extrabold tabular-nums">{formatNumber(figures.referral.signatures)}</dd>
          </div>
          <div className="rounded-lg border-2 border-brand-light p-4">
            <dt className="text-sm font-semibold">Share that came by referral</dt>
            <dd className="text-3xl font-extrabold tabular-nums" data-testid="referral-share">{percent(figures.referral.share)}</dd>
          </div>
        </dl>
      </section>

      {DIMENSIONS.map((d) => (
        <SourceTable key={d.key} id={`by-${d.key}`} title={`By ${d.label}`} rows={figures.by[d.key]} />
      ))}

      <section aria-labelledby="per-day-title" className="mt-8">
        <h2 id="per-day-title" className="text-2xl font-bold">Confirmed signatures per day by source, last {DAYS} days</h2>
        <div className="mt-2">
          <DataTable
            caption={`Confirmed signatures per day by source, last ${DAYS} days, newest first`}
            scroll
            columns={[
              { header: 'Day', rowHeader: true, numeric: false, className: 'tabular-nums', cell: (d) => d.day },
              ...perDay.sources.map(
                (s, i): Column<PerDayRow> => ({ header: s ?? '(none)', key: `source:${s ?? ''}`, numeric: true, cell: (d) => formatNumber(d.counts[i] ?? 0) }),
              ),
              { header: 'Other sources', key: 'other', numeric: true, cell: (d) => formatNumber(d.other) },
            ]}
            rows={[...perDay.days].reverse()}
            rowKey={(d) => d.day}
            empty={`No confirmed signatures in the last ${DAYS} days.`}
          />
        </div>
      </section>

      <section aria-labelledby="codes-title" className="mt-8">
        <h2 id="codes-title" className="text-2xl font-bold">Referral links that brought most signatures</h2>
        <p className="mt-1 text-ink-muted">Codes only: a code says nothing about whose link it is.</p>
        <div className="mt-2">
          <DataTable
            caption="Referral codes by confirmed signatures"
            className="w-full max-w-xl"
            columns={referralColumns}
            rows={figures.topReferralCodes}
            rowKey={(r) => r.code}
            empty="Nobody has signed through a supporter’s link yet."
          />
        </div>
      </section>
    </>
  )
}
