import { Form } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { constituencyTable } from '~/admin/figures.server'
import { formatNumber } from '~/lib/format'
import type { Route } from './+types/admin.constituencies'

export const meta = () => [{ title: 'Constituencies — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request)
  const q = new URL(request.url).searchParams.get('q')?.slice(0, 100) ?? ''
  return { q, rows: await constituencyTable(q) }
}

export default function AdminConstituencies({ loaderData }: Route.ComponentProps) {
  const { q, rows } = loaderData
  return (
    <>
      <h1 className="text-3xl font-bold">Constituencies</h1>
      <p className="mt-2 text-ink-muted">Confirmed signatures and letters in every constituency, most support first.</p>
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
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-4">Constituency</th>
              <th scope="col" className="py-1 pr-4">Nation</th>
              <th scope="col" className="py-1 pr-4">MP</th>
              <th scope="col" className="py-1 pr-4 text-right">Signatures</th>
              <th scope="col" className="py-1 text-right">Letters</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.onsCode ?? `mp:${c.name}`} className="border-b border-gray-200">
                <th scope="row" className="py-1 pr-4 font-normal">{c.name} {c.onsCode ? <span className="text-sm text-ink-muted">{c.onsCode}</span> : null}</th>
                <td className="py-1 pr-4">{c.nation ?? '—'}</td>
                <td className="py-1 pr-4">{c.mp ? `${c.mp}${c.party ? ` (${c.party})` : ''}` : '—'}</td>
                <td className="py-1 pr-4 text-right tabular-nums">{formatNumber(c.signatures)}</td>
                <td className="py-1 text-right tabular-nums">{formatNumber(c.letters)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
