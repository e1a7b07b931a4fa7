// Server-rendered SVG charts. Each is an image with a title and a text summary
// for screen readers, and the same figures as a table underneath.
import { useId } from 'react'
import { formatNumber } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'

export interface ChartSeries {
  name: string
  /** A fill class from the Tailwind theme (contrast ≥ 3:1 on white). */
  fill: string
  swatch: string
}

export interface ChartPoint {
  label: string
  /** Shorter label under the axis; empty to leave a gap. */
  tick: string
  values: number[]
}

/**
 * The value axis for counts (decision 097): whole-number steps of 1, 2 or 5 times a power of ten, at most
 * five steps up to the first tick at or above the largest value. So a bar of 2 sits on the "2" line, never
 * between "1" and "3" as quarters of 5 did.
 */
export function niceTicks(largest: number): number[] {
  const max = Math.max(1, Math.ceil(largest))
  let step = 1
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(max / s) <= 5)
    if (found) {
      step = found
      break
    }
  }
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step)
}

export function ColumnChart({
  title,
  summary,
  series,
  points,
  firstColumn,
}: {
  title: string
  summary: string
  series: ChartSeries[]
  points: ChartPoint[]
  firstColumn: string
}) {
  const id = useId()
  const width = 760
  const height = 240
  const left = 56
  const bottom = 28
  const top = 12
  const plotWidth = width - left - 8
  const plotHeight = height - top - bottom
  const ticks = niceTicks(Math.max(0, ...points.flatMap((p) => p.values)))
  const max = ticks.at(-1)!
  const slot = plotWidth / Math.max(1, points.length)
  const barWidth = Math.max(1, (slot * 0.8) / series.length)
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight
  return (
    <figure className="mt-4">
      <figcaption className="text-lg font-bold">{title}</figcaption>
      <ul className="mt-1 flex gap-4 text-sm" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 ${s.swatch}`} /> {s.name}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="mt-2 h-auto w-full max-w-3xl">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - 8} y1={y(t)} y2={y(t)} className="stroke-gray-300" strokeWidth={1} />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" className="fill-ink-muted text-[11px]">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          p.values.map((v, s) => (
            <rect
              key={`${i}-${s}`}
              x={left + i * slot + slot * 0.1 + s * barWidth}
              y={y(v)}
              width={barWidth}
              height={Math.max(0, top + plotHeight - y(v))}
              className={series[s].fill}
            />
          )),
        )}
        {points.map((p, i) =>
          p.tick ? (
            <text key={i} x={left + i * slot + slot / 2} y={height - 8} textAnchor="middle" className="fill-ink-muted text-[11px]">
              {p.tick}
            </text>
          ) : null,
        )}
        <line x1={left} x2={width - 8} y1={top + plotHeight} y2={top + plotHeight} className="stroke-ink" strokeWidth={1} />
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer font-semibold text-brand">Show these figures as a table</summary>
        <div className="max-h-80 overflow-auto">
          <DataTable
            caption={title}
            className="mt-2 min-w-[20rem] text-sm"
            columns={[
              { header: firstColumn, rowHeader: true, cell: (p) => p.label },
              ...series.map((s, i): Column<ChartPoint> => ({ header: s.name, key: `series:${s.name}`, numeric: true, cell: (p) => formatNumber(p.values[i] ?? 0) })),
            ]}
            rows={points}
            rowKey={(p) => p.label}
            empty="No figures yet."
          />
        </div>
      </details>
    </figure>
  )
}

/** Horizontal bars with the figure written beside each: readable without the table. */
/** `empty`: what to say instead of an empty table, and why it is empty. */
export function BarList({ title, rows, empty }: { title: string; rows: { label: string; value: number }[]; empty: string }) {
  const id = useId()
  const max = Math.max(1, ...rows.map((r) => r.value))
  const total = rows.reduce((sum, r) => sum + r.value, 0)
  return (
    <figure className="mt-4">
      <figcaption id={`${id}-t`} className="text-lg font-bold">{title}</figcaption>
      {rows.length ? (
        <table className="mt-2 w-full max-w-3xl text-left" aria-labelledby={`${id}-t`}>
          <thead className="sr-only">
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Signatures</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="w-48 py-1 pr-3 font-normal">{r.label}</th>
                <td className="py-1">
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-4 w-full" aria-hidden="true">
                    <rect x={0} y={0} width={(r.value / max) * 100} height={10} className="fill-brand" />
                  </svg>
                </td>
                <td className="w-40 py-1 pl-3 text-right tabular-nums">
                  {formatNumber(r.value)} <span className="text-ink-muted">({total ? Math.round((r.value / total) * 100) : 0}%)</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-2 text-ink-muted">{empty}</p>
      )}
    </figure>
  )
}
