import { Link } from 'react-router'
import { listOutbox } from '~/mail/dev-mailbox.server'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/dev-mailbox'

export const meta = () => [{ title: 'Local mailbox' }, { name: 'robots', content: 'noindex' }]

export async function loader({ context }: Route.LoaderArgs) {
  return { emails: await listOutbox(context.socketAddress) }
}

type Email = Route.ComponentProps['loaderData']['emails'][number]
const columns: Column<Email>[] = [
  { header: 'To', cell: (e) => e.to },
  { header: 'Subject', cell: (e) => <Link to={`/dev/mailbox/${e.id}`}>{e.subject}</Link> },
  { header: 'Status', cell: (e) => e.status },
  { header: 'Queued', cell: (e) => new Date(e.createdAt).toLocaleString('en-GB') },
]

export default function DevMailbox({ loaderData }: Route.ComponentProps) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">Local mailbox</h1>
      <p className="mt-2">RESEND_API_KEY is not set, so emails stop here instead of being sent. Newest first.</p>
      <div className="mt-6">
        <DataTable caption="Emails in the local mailbox, newest first" columns={columns} rows={loaderData.emails} rowKey={(e) => e.id} empty="No emails yet." />
      </div>
    </div>
  )
}
