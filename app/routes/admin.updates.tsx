// Campaign updates: the list, newest first.
import { Link } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { MAILSHOT_STATUS_LABEL } from '~/updates/mailshot-labels'
import { listMailshots } from '~/updates/mailshots.server'
import type { Route } from './+types/admin.updates'
import { ukTime } from '~/lib/format'

export const meta = () => [{ title: 'Campaign updates — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const list = await listMailshots()
  return {
    list: list.map((m) => ({ id: m.id, subject: m.subject, status: m.status, queued: m.queuedCount, by: m.createdBy.email, createdAt: m.createdAt.toISOString() })),
  }
}

const when = ukTime.dateTime

export default function AdminUpdates({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="text-3xl font-bold">Campaign updates</h1>
      <p className="mt-2 max-w-3xl">Emails to confirmed supporters who asked for updates. Each one carries a one-click unsubscribe link.</p>
      <p className="mt-4">
        <Link to="/admin/updates/new" className="btn">Write an update</Link>
      </p>
      {loaderData.list.length ? (
        <table className="mt-6 w-full text-left">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-4">Subject</th>
              <th scope="col" className="py-1 pr-4">Status</th>
              <th scope="col" className="py-1 pr-4">Queued</th>
              <th scope="col" className="py-1 pr-4">Written by</th>
              <th scope="col" className="py-1">Created</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.list.map((m) => (
              <tr key={m.id} className="border-b border-gray-200">
                <td className="py-1 pr-4"><Link to={`/admin/updates/${m.id}`}>{m.subject}</Link></td>
                <td className="py-1 pr-4">{MAILSHOT_STATUS_LABEL[m.status]}</td>
                <td className="py-1 pr-4 tabular-nums">{m.queued.toLocaleString('en-GB')}</td>
                <td className="py-1 pr-4">{m.by}</td>
                <td className="py-1">{when.format(new Date(m.createdAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-6">No updates yet.</p>
      )}
    </>
  )
}
