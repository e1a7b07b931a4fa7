import { Form, data, redirect } from 'react-router'
import { z } from 'zod'
import { requireCampaigner } from '~/admin/auth.server'
import { changeMpTarget, mpTargets, TargetError, type MpTargetChange } from '~/admin/campaign.server'
import { formText, readFormData } from '~/lib/form-data.server'
import { lastSyncRun } from '~/mps/sync.server'
import { formatNumber, ukTime } from '~/lib/format'
import type { Route } from './+types/admin.mps'

export const meta = () => [{ title: 'MP targets — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const params = new URL(request.url).searchParams
  const q = params.get('q')?.slice(0, 100) ?? ''
  const page = Number(params.get('page')?.slice(0, 6) ?? '1')
  const [list, lastSync] = await Promise.all([mpTargets(q, page), lastSyncRun()])
  return { q, list, saved: params.get('saved'), lastSync }
}

const changeSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('override'), mpId: z.coerce.number().int(), email: z.string().trim().max(254) }),
  z.object({ intent: z.literal('clear-override'), mpId: z.coerce.number().int() }),
  z.object({ intent: z.literal('switch-off'), mpId: z.coerce.number().int(), reason: z.string().trim().max(500) }),
  z.object({ intent: z.literal('switch-on'), mpId: z.coerce.number().int() }),
])

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request)
  const parsed = changeSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return data({ error: 'That change could not be read. Reload the page and try again.', mpId: null }, { status: 400 })
  const input = parsed.data
  const change: MpTargetChange =
    input.intent === 'override'
      ? { kind: 'override', email: input.email || null }
      : input.intent === 'clear-override'
        ? { kind: 'override', email: null }
        : input.intent === 'switch-off'
          ? { kind: 'switch-off', reason: input.reason }
          : { kind: 'switch-on' }
  try {
    await changeMpTarget(campaigner, input.mpId, change)
  } catch (error) {
    if (error instanceof TargetError) return data({ error: error.message, mpId: input.mpId }, { status: 400 })
    throw error
  }
  const q = formText(formData, 'q').slice(0, 100)
  const page = (formText(formData, 'page') || '1').slice(0, 6)
  return redirect(`/admin/mps?${new URLSearchParams({ q, page, saved: String(input.mpId) })}`, 303)
}

export default function AdminMps({ loaderData, actionData }: Route.ComponentProps) {
  const { q, list, saved, lastSync } = loaderData
  const mps = list.rows
  const total = list.total
  const syncFailed = lastSync?.ok === false
  const pageLink = (page: number) => `/admin/mps?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`
  const paging =
    list.pages > 1 ? (
      <nav aria-label="Pages of MPs" className="mt-4 flex flex-wrap items-center gap-4">
        {list.page > 1 ? <a href={pageLink(list.page - 1)} rel="prev">Previous 50</a> : null}
        <span>Page {list.page} of {list.pages}</span>
        {list.page < list.pages ? <a href={pageLink(list.page + 1)} rel="next">Next 50</a> : null}
      </nav>
    ) : null
  return (
    <>
      <h1 className="text-3xl font-bold">MP targets</h1>
      <p className="mt-2 max-w-3xl">
        Where campaign letters go. Override an MP’s address when the synced one is wrong or bounces; switch a target off (with a reason
        supporters will see) for the Speaker, a vacant seat, or an MP who refuses campaign mail. The nightly sync never undoes these.
      </p>
      <Form method="get" role="search" className="mt-4 flex max-w-xl flex-wrap items-end gap-3">
        <div className="flex-1">
          <label htmlFor="q" className="field-label">Search by MP or constituency</label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <button type="submit" className="btn">Search</button>
      </Form>
      {actionData?.error ? <p role="alert" className="mt-4 rounded border-4 border-warn p-3 font-semibold">{actionData.error}</p> : null}
      {saved ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Saved. The change is in the audit log.</p> : null}
      {syncFailed ? (
        <p role="alert" className="mt-4 rounded border-4 border-warn p-3">
          <strong>The last MP directory sync failed</strong> ({new Date(lastSync.finishedAt ?? lastSync.startedAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}): {lastSync.error}.{' '}
          {total || q ? 'The MPs below are from the last sync that worked.' : 'That is why there are no MPs here yet.'} Check MEMBERS_API_URL and that Parliament’s Members API
          answers, then run <code>npm run mps:sync</code> (the daily job also retries).
        </p>
      ) : !lastSync && !total && !q ? (
        <p className="mt-4 rounded bg-brand-light p-3">The MP directory has not been synced yet: the worker syncs it when it first starts, or run <code>npm run mps:sync</code>.</p>
      ) : null}
      <p className="mt-4">
        {list.total === 0
          ? q
            ? `No MP or constituency matches “${q}”.`
            : 'No MPs yet: the worker fetches them from the UK Parliament Members API when it starts and every night (or run npm run mps:sync).'
          : list.pages > 1
            ? `MPs ${list.first} to ${list.last} of ${list.total}${q ? ` matching “${q}”` : ''}.`
            : `${list.total} MPs${q ? ` matching “${q}”` : ''}.`}
      </p>
      {paging}
      <ul className="mt-4 space-y-4">
        {mps.map((mp) => (
          <li key={mp.id} className="rounded-lg border-2 border-brand-light p-4">
            <h2 className="text-lg font-bold">
              {mp.name} <span className="font-normal text-ink-muted">({mp.party}), {mp.constituency}</span>
            </h2>
            <p className="mt-1">
              {mp.sendsTo ? <>Letters go to <strong>{mp.sendsTo}</strong>{mp.emailOverride ? ' (your override)' : ''}.</> : mp.targetEnabled ? 'No address known: letters cannot be sent.' : <>Switched off: {mp.targetDisabledReason}</>}
              {mp.emailBouncedAt ? (
                <>
                  <strong className="text-warn" data-testid={`mp-${mp.id}-bounced`}>
                    {' '}This address bounced on {ukTime.day.format(new Date(mp.emailBouncedAt))} (a letter or a briefing): letters to {mp.name} are held and briefings leave them
                    out until you set an address that works.
                  </strong>{' '}
                  <a href={`/admin/suppressions?${new URLSearchParams({ clear: String(mp.id) })}`}>
                    Mark as working<span className="sr-only"> the address of {mp.name}</span>
                  </a>
                </>
              ) : null}
            </p>
            <p className="mt-1" data-testid={`mp-${mp.id}-briefing`}>
              {mp.lastBriefedAt ? <>Last briefed on {ukTime.day.format(new Date(mp.lastBriefedAt))}.</> : 'Never briefed.'}{' '}
              {mp.replies
                ? `Reply survey: of ${formatNumber(mp.replies.sent)} letters sent, constituents say ${formatNumber(mp.replies.replied)} got a reply, ${formatNumber(mp.replies.acknowledged)} an acknowledgement, ${formatNumber(mp.replies.noReply)} no reply.`
                : 'No letters sent yet.'}
            </p>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="mpId" value={mp.id} />
                <input type="hidden" name="q" value={q} />
                <input type="hidden" name="page" value={list.page} />
                <div className="flex-1">
                  <label htmlFor={`override-${mp.id}`} className="field-label">Email override</label>
                  <span id={`override-${mp.id}-hint`} className="field-hint">Synced address: {mp.email ?? 'none'}</span>
                  <input id={`override-${mp.id}`} name="email" type="email" defaultValue={mp.emailOverride ?? ''} aria-describedby={`override-${mp.id}-hint`} className="input" />
                </div>
                <button type="submit" name="intent" value="override" className="btn-secondary">Save address</button>
                {mp.emailOverride ? <button type="submit" name="intent" value="clear-override" className="btn-secondary">Use synced address</button> : null}
              </Form>
              {mp.targetEnabled ? (
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="mpId" value={mp.id} />
                  <input type="hidden" name="q" value={q} />
                <input type="hidden" name="page" value={list.page} />
                  <div className="flex-1">
                    <label htmlFor={`reason-${mp.id}`} className="field-label">Reason to switch off</label>
                    <input id={`reason-${mp.id}`} name="reason" className="input" />
                  </div>
                  <button type="submit" name="intent" value="switch-off" className="btn-secondary">Switch off</button>
                </Form>
              ) : (
                <Form method="post" className="flex items-end">
                  <input type="hidden" name="mpId" value={mp.id} />
                  <input type="hidden" name="q" value={q} />
                <input type="hidden" name="page" value={list.page} />
                  <button type="submit" name="intent" value="switch-on" className="btn-secondary">Switch back on</button>
                </Form>
              )}
            </div>
          </li>
        ))}
      </ul>
      {paging}
    </>
  )
}
