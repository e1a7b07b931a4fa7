import type { ReactNode } from 'react'

/**
 * One column of a {@link DataTable}. `numeric` columns are right-aligned with tabular figures so digits line up;
 * a `rowHeader` column is the row's name (`<th scope="row">`), which screen readers announce with every cell.
 */
export type Column<Row> = {
  header: ReactNode
  cell: (row: Row) => ReactNode
  /** A stable key when `header` is not a plain string (for example a visually hidden header). */
  key?: string
  numeric?: boolean
  rowHeader?: boolean
  /** Extra classes for the body cells (e.g. `font-mono`, `break-all`, `whitespace-nowrap`). */
  className?: string
}

type DataTableProps<Row> = {
  /** Names the table for assistive technology; visually hidden unless `showCaption`. */
  caption: string
  showCaption?: boolean
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string | number
  /** Why there are no rows, shown instead of the table (e.g. "No address is suppressed."). */
  empty: ReactNode
  /** Layout classes for the table (width, margin, text size). */
  className?: string
  /** Scroll sideways inside the page instead of widening it (wide tables on phones). */
  scroll?: boolean
}

const cellPadding = 'py-1 pr-4 last:pr-0'

function columnKey<Row>(column: Column<Row>, index: number) {
  return column.key ?? (typeof column.header === 'string' ? column.header : String(index))
}

/** The one table of the campaigner pages (and the dev mailbox): see docs/architecture.md, decision 075. */
export function DataTable<Row>({ caption, showCaption = false, columns, rows, rowKey, empty, className = 'w-full', scroll = false }: DataTableProps<Row>) {
  if (!rows.length) return <p className="mt-2">{empty}</p>
  const table = (
    <table className={`text-left ${className}`}>
      <caption className={showCaption ? 'mb-2 text-left font-semibold' : 'sr-only'}>{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          {columns.map((column, i) => (
            <th key={columnKey(column, i)} scope="col" className={`${cellPadding} align-bottom${column.numeric ? ' text-right' : ''}`}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-gray-200 align-top">
            {columns.map((column, i) => {
              const classes = [cellPadding, column.numeric ? 'text-right tabular-nums' : '', column.rowHeader ? 'font-normal' : '', column.className ?? '']
                .filter(Boolean)
                .join(' ')
              return column.rowHeader ? (
                <th key={columnKey(column, i)} scope="row" className={classes}>{column.cell(row)}</th>
              ) : (
                <td key={columnKey(column, i)} className={classes}>{column.cell(row)}</td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return scroll ? <div className="overflow-x-auto">{table}</div> : table
}
