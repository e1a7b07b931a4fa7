// MP briefings: the list, newest first.
import { Link } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { BRIEFING_STATUS_LABEL } from '~/briefings/briefing-labels'
import { listBriefings } from '~/briefings/briefings.server'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.briefings'

export const meta = () => [{ title: 'MP briefings — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const list = await listBriefings()
  return {
    list: list.map((b) => ({
      id: b.id,
      subject: b.subject,
      status: b.status,
      threshold: b.threshold,
      mps: b.recipientCount,
      queued: b.queuedCount,
      by: b.createdBy.email,
      createdAt: b.createdAt.toISOString(),
    })),
  }
}

type Row = Route.ComponentProps['loaderData']['list'][number]
const columns: Column<Row>[] = [
  { header: 'Subject', rowHeader: true, cell: (b) => <Link to={`/admin/briefings/${b.id}`}>{b.subject}</Link> },
  { header: 'Status', cell: (b) => BRIEFING_STATUS_LABEL[b.status] },
  { header: 'Signatures needed', numeric: true, cell: (b) => formatNumber(b.threshold) },
  { header: 'MPs', numeric: true, cell: (b) => (b.status === 'draft' ? '—' : formatNumber(b.mps)) },
  { header: 'Emails queued', numeric: true, cell: (b) => formatNumber(b.queued) },
  { header: 'Written by', cell: (b) => b.by },
  { header: 'Created', cell: (b) => ukTime.dateTime.format(new Date(b.createdAt)) },
]

export default function AdminBriefings({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="text-3xl font-bold">MP briefings</h1>
      <p className="mt-2 max-w-3xl">
        One short, factual email to each MP whose constituency has at least the number of confirmed signatures you choose: how many of their
        constituents signed and wrote, how their seat ranks, the four asks and a link to their seat’s page. Each MP gets at most one briefing in 30 days.
      </p>
      <p className="mt-4">
        <Link to="/admin/briefings/new" className="btn">Write a briefing</Link>
      </p>
      <div className="mt-6">
        <DataTable caption="MP briefings, newest first" columns={columns} rows={loaderData.list} rowKey={(b) => b.id} empty="No briefings yet." />
      </div>
    </>
  )
}
