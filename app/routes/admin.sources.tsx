import { requireCampaigner } from '~/admin/auth.server'
import { DAYS, DIMENSIONS } from '~/admin/sources'
import { sourceFigures, type SourceRow } from '~/admin/sources.server'
import { formatNumber } from '~/lib/format'
import type { Route } from './+types/admin.sources'

export const meta = () => [{ title: 'Sources — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  const campaigner = await requireCampaigner(request)
  return { figures: await sourceFigures(), canExport: campaigner.role === 'admin' }
}

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)
const code = (value: string | null) => (value === null ? <span className="text-ink-muted">(none)</span> : value)

function SourceTable({ id, title, rows }: { id: string; title: string; rows: SourceRow[] }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">{title}</h2>
      {rows.length ? (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full max-w-3xl text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-1 pr-4">Code</th>
                <th scope="col" className="py-1 pr-4 text-right">Confirmed signatures</th>
                <th scope="col" className="py-1 text-right">Letters confirmed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.value ?? ''} className="border-b border-gray-200">
                  <th scope="row" className="py-1 pr-4 font-normal">{code(r.value)}</th>
                  <td className="py-1 pr-4 text-right tabular-nums">{formatNumber(r.signatures)}</td>
                  <td className="py-1 text-right tabular-nums">{formatNumber(r.letters)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-2">No confirmed signatures or letters yet.</p>
      )}
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
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-1 pr-4">Day</th>
                {perDay.sources.map((s) => (
                  <th key={s ?? ''} scope="col" className="py-1 pr-4 text-right">{s ?? '(none)'}</th>
                ))}
                <th scope="col" className="py-1 text-right">Other sources</th>
              </tr>
            </thead>
            <tbody>
              {[...perDay.days].reverse().map((d) => (
                <tr key={d.day} className="border-b border-gray-200">
                  <th scope="row" className="py-1 pr-4 font-normal tabular-nums">{d.day}</th>
                  {d.counts.map((n, i) => (
                    <td key={perDay.sources[i] ?? ''} className="py-1 pr-4 text-right tabular-nums">{formatNumber(n)}</td>
                  ))}
                  <td className="py-1 text-right tabular-nums">{formatNumber(d.other)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="codes-title" className="mt-8">
        <h2 id="codes-title" className="text-2xl font-bold">Referral links that brought most signatures</h2>
        <p className="mt-1 text-ink-muted">Codes only: a code says nothing about whose link it is.</p>
        {figures.topReferralCodes.length ? (
          <table className="mt-2 w-full max-w-xl text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-1 pr-4">Referral code</th>
                <th scope="col" className="py-1 text-right">Confirmed signatures</th>
              </tr>
            </thead>
            <tbody>
              {figures.topReferralCodes.map((r) => (
                <tr key={r.code} className="border-b border-gray-200">
                  <th scope="row" className="py-1 pr-4 font-mono font-normal">{r.code}</th>
                  <td className="py-1 text-right tabular-nums">{formatNumber(r.signatures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2">Nobody has signed through a supporter’s link yet.</p>
        )}
      </section>
    </>
  )
}
