import { parseWithZod } from '@conform-to/zod'
import { Form, Link, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { bouncedMps, clearMpBounce, findBouncedMp, findSuppression, liftSchema, liftSuppressionFor, listSuppressions } from '~/admin/suppressions.server'
import { formText, readFormData } from '~/lib/form-data.server'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.suppressions'

export const meta = () => [{ title: 'Suppressed addresses — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const params = new URL(request.url).searchParams
  const q = params.get('q')?.slice(0, 254) ?? ''
  const lift = params.get('lift')?.slice(0, 254)
  const clear = Number(params.get('clear')?.slice(0, 12))
  const released = params.get('released')
  return {
    q,
    list: await listSuppressions({ q, page: Number(params.get('page') ?? 1) }),
    confirming: lift ? await findSuppression(lift) : null,
    clearing: Number.isSafeInteger(clear) && clear > 0 ? await findBouncedMp(clear) : null,
    mps: await bouncedMps(),
    lifted: params.get('lifted') === '1',
    released: released && /^\d{1,9}$/.test(released) ? Number(released) : null,
  }
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request)
  const q = formText(formData, 'q').slice(0, 254)
  const submission = parseWithZod(formData, { schema: liftSchema })
  if (submission.status !== 'success') {
    const message = Object.values(submission.reply().error ?? {}).flat()[0] ?? 'That request could not be read.'
    return data({ error: `${message}. Reload the page and try again.` }, { status: 400 })
  }
  if (submission.value.intent === 'clear-bounce') {
    const released = await clearMpBounce(campaigner, submission.value.mpId)
    if (released === null) return data({ error: 'That MP’s address is not flagged as bouncing (any more): nothing was changed.' }, { status: 400 })
    return redirect(`/admin/suppressions?${new URLSearchParams({ q, released: String(released) })}`, 303)
  }
  if (!(await liftSuppressionFor(campaigner, submission.value.address))) {
    return data({ error: 'That address is not suppressed (any more): nothing was changed.' }, { status: 400 })
  }
  return redirect(`/admin/suppressions?${new URLSearchParams({ q, lifted: '1' })}`, 303)
}

const when = ukTime.dateTime
const reasons: Record<string, string> = { bounce: 'Hard bounce', complaint: 'Spam complaint' }

type Suppressed = Route.ComponentProps['loaderData']['list']['rows'][number]
function columns(q: string): Column<Suppressed>[] {
  return [
    { header: 'Address', cell: (row) => row.address, className: 'break-all' },
    { header: 'Reason', cell: (row) => reasons[row.reason] ?? row.reason },
    { header: 'Since', cell: (row) => when.format(new Date(row.since)) },
    {
      header: <span className="sr-only">Action</span>,
      key: 'action',
      cell: (row) => (
        <Link to={`/admin/suppressions?${new URLSearchParams({ ...(q ? { q } : {}), lift: row.address })}`}>
          Lift<span className="sr-only"> the suppression of {row.address}</span>
        </Link>
      ),
    },
  ]
}

function pageLink(q: string, page: number) {
  return `/admin/suppressions?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`
}

export default function AdminSuppressions({ loaderData, actionData }: Route.ComponentProps) {
  const { q, list, confirming, clearing, mps, lifted, released } = loaderData
  return (
    <>
      <h1 className="text-3xl font-bold">Suppressed addresses</h1>
      <p className="mt-2 max-w-3xl">
        We stop emailing an address after a hard bounce or a spam complaint, so the campaign’s sending keeps a good reputation.
        Lift a suppression only when you know the address works again (an MP’s office fixed its mailbox, say), and never after a
        spam complaint unless the person asked you to.
      </p>
      {lifted ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Suppression lifted. The change is in the audit log.</p> : null}
      {released !== null ? (
        <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">
          The MP’s address is marked as working again. {released === 1 ? '1 held letter is' : `${formatNumber(released)} held letters are`} on the way. The change is in the audit log.
        </p>
      ) : null}
      {actionData?.error ? <p role="alert" className="mt-4 rounded border-4 border-warn p-3 font-semibold">{actionData.error}</p> : null}

      {confirming ? (
        <section aria-labelledby="confirm-lift" className="mt-6 max-w-3xl rounded-lg border-4 border-warn p-4">
          <h2 id="confirm-lift" className="text-xl font-bold">Lift the suppression of {confirming.address}?</h2>
          <p className="mt-2">
            {reasons[confirming.reason] ?? confirming.reason} on {when.format(new Date(confirming.since))}. Emails to this address
            will be sent again.
          </p>
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-4">
            <input type="hidden" name="intent" value="lift" />
            <input type="hidden" name="address" value={confirming.address} />
            <input type="hidden" name="q" value={q} />
            <button type="submit" className="btn">Yes, lift the suppression</button>
            <Link to={q ? `/admin/suppressions?${new URLSearchParams({ q })}` : '/admin/suppressions'}>Cancel</Link>
          </Form>
        </section>
      ) : null}

      {clearing ? (
        <section aria-labelledby="confirm-clear" className="mt-6 max-w-3xl rounded-lg border-4 border-warn p-4">
          <h2 id="confirm-clear" className="text-xl font-bold">Mark {clearing.name}’s address as working?</h2>
          <p className="mt-2">
            {clearing.address ?? 'Their address'} bounced on {when.format(new Date(clearing.bouncedAt))}. Do this only once you know it works again (or
            after setting a new address on <Link to="/admin/mps">MP targets</Link>, which does it for you).{' '}
            {clearing.heldLetters === 1 ? 'The 1 letter held for them will be sent.' : `The ${formatNumber(clearing.heldLetters)} letters held for them will be sent.`}
          </p>
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-4">
            <input type="hidden" name="intent" value="clear-bounce" />
            <input type="hidden" name="mpId" value={clearing.id} />
            <input type="hidden" name="q" value={q} />
            <button type="submit" className="btn">Yes, the address works: send the held letters</button>
            <Link to={q ? `/admin/suppressions?${new URLSearchParams({ q })}` : '/admin/suppressions'}>Cancel</Link>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="bounced-mps" className="mt-8">
        <h2 id="bounced-mps" className="text-2xl font-bold">MPs whose address bounced</h2>
        {mps.length ? (
          <>
            <p className="mt-2 max-w-3xl">
              Letters to these MPs are held, not lost: supporters’ confirmed letters wait here until the address works. Find the right
              address and set it as an override on <Link to="/admin/mps">MP targets</Link>, or mark the address as working again here; either
              sends the held letters.
            </p>
            <ul className="mt-3 space-y-2">
              {mps.map((mp) => (
                <li key={mp.id}>
                  <Link to={`/admin/mps?${new URLSearchParams({ q: mp.name })}`} className="font-semibold">{mp.name}</Link>, {mp.constituency}:{' '}
                  {mp.address ?? 'no address'} bounced on {when.format(new Date(mp.bouncedAt))}.{' '}
                  {mp.heldLetters === 1 ? '1 letter held.' : `${formatNumber(mp.heldLetters)} letters held.`}{' '}
                  <Link to={`/admin/suppressions?${new URLSearchParams({ ...(q ? { q } : {}), clear: String(mp.id) })}`}>
                    Mark as working<span className="sr-only"> the address of {mp.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">No MP’s address has bounced.</p>
        )}
      </section>

      <section aria-labelledby="suppressed-list" className="mt-8">
        <h2 id="suppressed-list" className="text-2xl font-bold">All suppressed addresses</h2>
        <Form method="get" role="search" className="mt-4 flex max-w-xl flex-wrap items-end gap-3">
          <div className="flex-1">
            <label htmlFor="q" className="field-label">Search by address or domain</label>
            <input id="q" name="q" type="search" defaultValue={q} className="input" />
          </div>
          <button type="submit" className="btn">Search</button>
        </Form>
        {list.total ? (
          <p className="mt-4">{`${formatNumber(list.total)} suppressed ${list.total === 1 ? 'address' : 'addresses'}${q ? ' match' : ''}, newest first.`}</p>
        ) : null}
        <div className="mt-4">
          <DataTable
            caption="Suppressed addresses, newest first"
            columns={columns(q)}
            rows={list.rows}
            rowKey={(row) => row.address}
            empty={list.total === 0 ? (q ? 'No suppressed address matches.' : 'No address is suppressed.') : 'No suppressed address on this page.'}
          />
        </div>
        {list.pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-4">
            {list.page > 1 ? <Link to={pageLink(q, list.page - 1)}>Newer</Link> : null}
            <span>Page {list.page} of {list.pages}</span>
            {list.page < list.pages ? <Link to={pageLink(q, list.page + 1)}>Older</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  )
}
