import { Link } from 'react-router'
import { listOutbox } from '~/mail/dev-mailbox.server'
import type { Route } from './+types/dev-mailbox'

export const meta = () => [{ title: 'Local mailbox' }, { name: 'robots', content: 'noindex' }]

export async function loader({ context }: Route.LoaderArgs) {
  return { emails: await listOutbox(context.socketAddress) }
}

export default function DevMailbox({ loaderData }: Route.ComponentProps) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">Local mailbox</h1>
      <p className="mt-2">RESEND_API_KEY is not set, so emails stop here instead of being sent. Newest first.</p>
      {loaderData.emails.length ? (
        <table className="mt-6 w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-ink">
              <th className="py-2">To</th>
              <th className="py-2">Subject</th>
              <th className="py-2">Status</th>
              <th className="py-2">Queued</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.emails.map((e) => (
              <tr key={e.id} className="border-b border-gray-300">
                <td className="py-2">{e.to}</td>
                <td className="py-2"><Link to={`/dev/mailbox/${e.id}`}>{e.subject}</Link></td>
                <td className="py-2">{e.status}</td>
                <td className="py-2">{new Date(e.createdAt).toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-6">No emails yet.</p>
      )}
    </div>
  )
}
