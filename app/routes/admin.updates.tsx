// Campaign updates: the list, newest first.
import { Link } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { MAILSHOT_STATUS_LABEL } from '~/updates/mailshot-labels'
import { listMailshots } from '~/updates/mailshots.server'
import type { Route } from './+types/admin.updates'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'

export const meta = () => [{ title: 'Campaign updates — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const list = await listMailshots()
  return {
    list: list.map((m) => ({ id: m.id, subject: m.subject, status: m.status, queued: m.queuedCount, by: m.createdBy.email, createdAt: m.createdAt.toISOString() })),
  }
}

const when = ukTime.dateTime

type Update = Route.ComponentProps['loaderData']['list'][number]
const columns: Column<Update>[] = [
  { header: 'Subject', cell: (m) => <Link to={`/admin/updates/${m.id}`}>{m.subject}</Link> },
  { header: 'Status', cell: (m) => MAILSHOT_STATUS_LABEL[m.status] },
  { header: 'Queued', numeric: true, cell: (m) => formatNumber(m.queued) },
  { header: 'Written by', cell: (m) => m.by },
  { header: 'Created', cell: (m) => when.format(new Date(m.createdAt)) },
]

export default function AdminUpdates({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="text-3xl font-bold">Campaign updates</h1>
      <p className="mt-2 max-w-3xl">Emails to confirmed supporters who asked for updates. Each one carries a one-click unsubscribe link.</p>
      <p className="mt-4">
        <Link to="/admin/updates/new" className="btn">Write an update</Link>
      </p>
      <div className="mt-6">
        <DataTable caption="Campaign updates, newest first" columns={columns} rows={loaderData.list} rowKey={(m) => m.id} empty="No updates yet." />
      </div>
    </>
  )
}
