// The one admin table (decision 075): named, headed, numbers aligned, and an empty table says why.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { type Column, DataTable } from './data-table'

type Row = { name: string; count: number }
const columns: Column<Row>[] = [
  { header: 'Constituency', rowHeader: true, cell: (r) => r.name },
  { header: <span className="sr-only">Action</span>, key: 'action', cell: (r) => `Lift ${r.name}` },
  { header: 'Signatures', numeric: true, cell: (r) => r.count.toLocaleString('en-GB') },
]

describe('DataTable', () => {
  it('names the table, heads every column and row, and right-aligns numbers in tabular figures', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="Top constituencies" columns={columns} rows={[{ name: 'Bath <&>', count: 1234 }]} rowKey={(r) => r.name} empty="None yet." />,
    )
    expect(html).toContain('<caption class="sr-only">Top constituencies</caption>')
    expect(html.match(/<th scope="col"/g)).toHaveLength(3)
    expect(html).toMatch(/<th scope="col" class="[^"]*text-right[^"]*">Signatures<\/th>/)
    expect(html).toMatch(/<th scope="row" class="[^"]*font-normal[^"]*">Bath &lt;&amp;&gt;<\/th>/)
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">1,234<\/td>/)
    expect(html).not.toContain('None yet.')
  })

  it('shows why there are no rows instead of an empty table', () => {
    const html = renderToStaticMarkup(<DataTable caption="Top constituencies" columns={columns} rows={[]} rowKey={(r) => r.name} empty="No signature has been placed yet." />)
    expect(html).toBe('<p class="mt-2">No signature has been placed yet.</p>')
  })
})
