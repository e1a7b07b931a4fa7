import { Form } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { constituencyTable } from '~/admin/figures.server'
import { formatNumber } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.constituencies'

export const meta = () => [{ title: 'Constituencies — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request)
  const q = new URL(request.url).searchParams.get('q')?.slice(0, 100) ?? ''
  return { q, rows: await constituencyTable(q) }
}

type Row = Route.ComponentProps['loaderData']['rows'][number]
const columns: Column<Row>[] = [
  {
    header: 'Constituency',
    rowHeader: true,
    cell: (c) => (
      <>
        {c.name} {c.onsCode ? <span className="text-sm text-ink-muted">{c.onsCode}</span> : null}
      </>
    ),
  },
  { header: 'Nation', cell: (c) => c.nation ?? '—' },
  { header: 'MP', cell: (c) => (c.mp ? `${c.mp}${c.party ? ` (${c.party})` : ''}` : '—') },
  { header: 'Signatures', numeric: true, cell: (c) => formatNumber(c.signatures) },
  { header: 'Letters', numeric: true, cell: (c) => formatNumber(c.letters) },
  { header: 'Calls', numeric: true, cell: (c) => formatNumber(c.calls) },
]

export default function AdminConstituencies({ loaderData }: Route.ComponentProps) {
  const { q, rows } = loaderData
  return (
    <>
      <h1 className="text-3xl font-bold">Constituencies</h1>
      <p className="mt-2 text-ink-muted">Confirmed signatures, letters and calls in every constituency, most support first.</p>
      <Form method="get" role="search" className="mt-4 flex max-w-xl flex-wrap items-end gap-3">
        <div className="flex-1">
          <label htmlFor="q" className="field-label">Search by constituency, MP or ONS code</label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <button type="submit" className="btn">Search</button>
      </Form>
      <p className="mt-4" role="status">
        {q ? `${formatNumber(rows.length)} constituencies match “${q}”.` : `${formatNumber(rows.length)} constituencies.`}
      </p>
      <div className="mt-2">
        <DataTable
          caption="Constituencies, most support first"
          scroll
          columns={columns}
          rows={rows}
          rowKey={(c) => c.onsCode ?? `mp:${c.name}`}
          empty={q ? 'No constituency, MP or ONS code matches that search.' : 'No constituencies are loaded yet: run npm run mps:sync.'}
        />
      </div>
    </>
  )
}
