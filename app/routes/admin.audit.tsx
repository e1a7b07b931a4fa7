import { Form } from 'react-router'
import { auditEntries } from '~/admin/audit.server'
import { requireCampaigner } from '~/admin/auth.server'
import type { Route } from './+types/admin.audit'
import { ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'

export const meta = () => [{ title: 'Audit log — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const params = new URL(request.url).searchParams
  const beforeText = params.get('before')
  const before = beforeText && !Number.isNaN(Date.parse(beforeText)) ? new Date(beforeText) : undefined
  const action = params.get('action')?.trim().slice(0, 100) || undefined
  return { ...(await auditEntries({ before, action })), action: action ?? '' }
}

const when = ukTime.dateTimeSeconds

type Entry = Route.ComponentProps['loaderData']['entries'][number]
const columns: Column<Entry>[] = [
  { header: 'When', cell: (e) => when.format(new Date(e.at)), className: 'whitespace-nowrap' },
  { header: 'Who', cell: (e) => e.who },
  { header: 'Action', cell: (e) => e.action, className: 'font-mono' },
  { header: 'Details', cell: (e) => (e.details.length > 400 ? `${e.details.slice(0, 400)}…` : e.details), className: 'font-mono break-all' },
]

export default function AdminAudit({ loaderData }: Route.ComponentProps) {
  const { entries, nextBefore, action } = loaderData
  return (
    <>
      <h1 className="text-3xl font-bold">Audit log</h1>
      <p className="mt-2 max-w-3xl">Every change made from this dashboard, every export of personal data, and every sign-in: who, what and when. Newest first.</p>
      <Form method="get" className="mt-4 flex max-w-xl flex-wrap items-end gap-3">
        <div className="flex-1">
          <label htmlFor="action" className="field-label">Only actions starting with</label>
          <input id="action" name="action" defaultValue={action} className="input" spellCheck={false} />
        </div>
        <button type="submit" className="btn">Filter</button>
      </Form>
      <div className="mt-4">
        <DataTable
          caption="Audit log entries, newest first"
          className="w-full text-sm"
          scroll
          columns={columns}
          rows={entries}
          rowKey={(e) => e.id}
          empty={`Nothing recorded${action ? ' for that filter' : ''}.`}
        />
      </div>
      {nextBefore ? (
        <p className="mt-4">
          <a href={`/admin/audit?${new URLSearchParams({ before: nextBefore, ...(action ? { action } : {}) })}`}>Older entries</a>
        </p>
      ) : null}
    </>
  )
}
