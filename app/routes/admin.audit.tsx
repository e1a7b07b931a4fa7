import { Form } from 'react-router'
import { auditEntries } from '~/admin/audit.server'
import { requireCampaigner } from '~/admin/auth.server'
import type { Route } from './+types/admin.audit'
import { ukTime } from '~/lib/format'

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
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-3">When</th>
              <th scope="col" className="py-1 pr-3">Who</th>
              <th scope="col" className="py-1 pr-3">Action</th>
              <th scope="col" className="py-1">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-gray-200 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{when.format(new Date(e.at))}</td>
                <td className="py-1 pr-3">{e.who}</td>
                <td className="py-1 pr-3 font-mono">{e.action}</td>
                <td className="py-1 font-mono break-all">{e.details.length > 400 ? `${e.details.slice(0, 400)}…` : e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!entries.length ? <p className="mt-2">Nothing recorded{action ? ' for that filter' : ''}.</p> : null}
      {nextBefore ? (
        <p className="mt-4">
          <a href={`/admin/audit?${new URLSearchParams({ before: nextBefore, ...(action ? { action } : {}) })}`}>Older entries</a>
        </p>
      ) : null}
    </>
  )
}
