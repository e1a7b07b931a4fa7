import { requireCampaigner } from '~/admin/auth.server'
import type { Route } from './+types/admin.exports'

export const meta = () => [{ title: 'Exports — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  return {}
}

const exports = [
  {
    href: '/admin/exports/signatures.csv',
    title: 'Confirmed signatures',
    what: 'Name, email, postcode, constituency, nation, whether they opted in to updates, and when they confirmed. Pending and struck-out signatures are left out.',
    personal: true,
  },
  {
    href: '/admin/exports/constituencies.csv',
    title: 'Signatures and letters by constituency',
    what: 'Every constituency with its MP, confirmed signatures, confirmed letters and calls.',
    personal: false,
  },
  {
    href: '/admin/exports/letters-per-mp.csv',
    title: 'Letters per MP',
    what: 'Each MP with the letters confirmed, sent, delivered and bounced.',
    personal: false,
  },
  {
    href: '/admin/exports/sources.csv',
    title: 'Where supporters came from',
    what: 'Confirmed signatures and letters by source, medium, campaign and partner code, per day for the top sources, and the referral links that brought most (codes only).',
    personal: false,
  },
]

export default function AdminExports() {
  return (
    <>
      <h1 className="text-3xl font-bold">Exports</h1>
      <p className="mt-2 max-w-3xl">
        Spreadsheet files (CSV) named with today’s date. Every download is recorded in the audit log with your name.
      </p>
      <ul className="mt-6 space-y-6">
        {exports.map((e) => (
          <li key={e.href} className="max-w-3xl rounded-lg border-2 border-brand-light p-4">
            <h2 className="text-xl font-bold">{e.title}</h2>
            <p className="mt-1">{e.what}</p>
            {e.personal ? (
              <p className="mt-2 rounded bg-warn-light p-2 text-sm">
                <strong>Personal data.</strong> Keep it on the charity’s systems, share it with no one outside the campaign team, and delete it when you are done.
              </p>
            ) : null}
            <p className="mt-3">
              <a href={e.href} download className="btn-secondary">Download {e.title.toLowerCase()} (CSV)</a>
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
