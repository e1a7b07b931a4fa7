import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { z } from 'zod'
import { requireCampaigner } from '~/admin/auth.server'
import { CALL_BURST as CALL_BURST_RULE, callBursts, callSearchSchema, callStrikeSchema, recentCallStrikeOuts, revertCallStrikeOut, searchCalls, strikeOutCalls, type CallSearch } from '~/admin/call-moderation.server'
import {
  criteriaSchema,
  invalidateMatches,
  recentInvalidations,
  revertInvalidation,
  searchMatches,
  trending,
  TRENDING,
  type Criteria,
} from '~/admin/moderation.server'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf, type FormResult } from '~/components/text-field'
import { formText, readFormData } from '~/lib/form-data.server'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.moderation'

export const meta = () => [{ title: 'Moderation — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

const CRITERIA_KEYS = ['target', 'email', 'domain', 'postcode', 'name', 'ip', 'from', 'to'] as const
const CALL_KEYS = ['callSeat', 'callFrom', 'callTo'] as const

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const params = new URL(request.url).searchParams
  const searched = CRITERIA_KEYS.some((k) => k !== 'target' && params.has(k))
  let result: FormResult = undefined
  let criteria: Criteria | null = null
  if (searched) {
    const submission = parseWithZod(params, { schema: criteriaSchema })
    if (submission.status === 'success') criteria = submission.value
    else result = submission.reply()
  }
  // Calls (decision 079): their own search, by seat and time window.
  let callResult: FormResult = undefined
  let callCriteria: CallSearch | null = null
  if (CALL_KEYS.some((k) => params.has(k))) {
    const submission = parseWithZod(params, { schema: callSearchSchema })
    if (submission.status === 'success') callCriteria = submission.value
    else callResult = submission.reply()
  }
  const [matches, trends, invalidations, callMatches, bursts, callStrikeOuts] = await Promise.all([
    criteria ? searchMatches(criteria) : null,
    trending(),
    recentInvalidations(),
    callCriteria ? searchCalls(callCriteria) : null,
    callBursts(),
    recentCallStrikeOuts(),
  ])
  return {
    result,
    criteria,
    matches,
    trends,
    invalidations,
    callResult,
    callCriteria,
    callMatches,
    bursts,
    callStrikeOuts,
    callBurst: CALL_BURST_RULE,
    callsStruck: params.get('callsStruck'),
    callsReverted: params.get('callsReverted') === '1',
    ipMin: TRENDING.ipMin,
    struck: params.get('struck'),
    reverted: params.get('reverted') === '1',
  }
}

const invalidateSchema = z.object({
  reason: z
    .string({ required_error: 'Say why these are being struck out' })
    .trim()
    .min(3, 'Say why these are being struck out')
    .max(500, 'Use 500 characters or fewer'),
  expected: z.coerce.number().int().min(0),
})

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (intent === 'revert-calls') {
    const outcome = await revertCallStrikeOut(campaigner, formText(formData, 'strikeOutId'))
    if (outcome === 'not-found') return data({ message: 'That has already been undone.', result: undefined }, { status: 409 })
    return redirect('/admin/moderation?callsReverted=1#calls-title', 303)
  }
  if (intent === 'strike-calls') {
    const callBack = new URLSearchParams(CALL_KEYS.map((k) => [k, formText(formData, k)]))
    const callCriteria = callSearchSchema.safeParse(Object.fromEntries(callBack))
    if (!callCriteria.success) throw data('Search the calls again before striking any out.', { status: 400 })
    const submission = parseWithZod(formData, { schema: callStrikeSchema })
    if (submission.status !== 'success') return data({ message: null, result: submission.reply() }, { status: 400 })
    const outcome = await strikeOutCalls(campaigner, callCriteria.data, submission.value.reason, submission.value.expected)
    if (outcome.status === 'done') {
      callBack.set('callsStruck', String(outcome.count))
      return redirect(`/admin/moderation?${callBack}#calls-title`, 303)
    }
    const message =
      outcome.status === 'changed'
        ? `The calls changed since you searched: ${formatNumber(outcome.count)} match now. Nothing was struck out — check again.`
        : 'No calls left to strike out in that window.'
    return data({ message, result: undefined }, { status: 409 })
  }
  const back = new URLSearchParams()
  for (const key of CRITERIA_KEYS) {
    const value = formData.get(key)
    if (typeof value === 'string' && value) back.set(key, value)
  }
  if (intent === 'revert') {
    const id = formText(formData, 'invalidationId')
    if (!/^[0-9a-f-]{36}$/.test(id)) throw data('Unknown invalidation.', { status: 400 })
    const outcome = await revertInvalidation(campaigner, id)
    if (outcome === 'not-found') return data({ message: 'That has already been undone.', result: undefined }, { status: 409 })
    return redirect('/admin/moderation?reverted=1', 303)
  }
  const criteria = criteriaSchema.safeParse(Object.fromEntries(back))
  if (!criteria.success) throw data('Search again before striking anything out.', { status: 400 })
  const submission = parseWithZod(formData, { schema: invalidateSchema })
  if (submission.status !== 'success') return data({ message: null, result: submission.reply() }, { status: 400 })
  const outcome = await invalidateMatches(campaigner, criteria.data, submission.value.reason, submission.value.expected)
  if (outcome.status === 'done') {
    back.set('struck', String(outcome.count))
    return redirect(`/admin/moderation?${back}`, 303)
  }
  const message =
    outcome.status === 'changed'
      ? `The matches changed since you searched: ${formatNumber(outcome.count)} match now. Nothing was struck out — check the list again.`
      : outcome.status === 'too-many'
        ? 'That is too many letters to strike out at once. Narrow the search.'
        : 'Nothing left to strike out for this search.'
  return data({ message, result: undefined }, { status: 409 })
}

const when = ukTime.dateTime

type Loaded = Route.ComponentProps['loaderData']
const matchColumns: Column<NonNullable<Loaded['matches']>['sample'][number]>[] = [
  { header: 'Name', cell: (m) => m.name },
  { header: 'Email', cell: (m) => m.email },
  { header: 'Postcode', cell: (m) => m.postcode },
  { header: 'IP address', cell: (m) => m.ipAddress ?? '—' },
  { header: 'State', cell: (m) => m.state },
  { header: 'Created', cell: (m) => when.format(new Date(m.createdAt)) },
]
const invalidationColumns: Column<Loaded['invalidations'][number]>[] = [
  { header: 'When', cell: (i) => when.format(new Date(i.at)) },
  { header: 'What', cell: (i) => `${formatNumber(i.count)} ${i.target}` },
  { header: 'Search', cell: (i) => i.criteria },
  { header: 'Reason', cell: (i) => i.reason },
  { header: 'By', cell: (i) => i.by },
  {
    header: <span className="sr-only">Undo</span>,
    key: 'undo',
    cell: (i) =>
      i.revertedAt ? (
        `Undone ${when.format(new Date(i.revertedAt))}`
      ) : (
        <UndoButton intent="revert" idName="invalidationId" id={i.id} label={`Undo striking out ${i.count} ${i.target} on ${when.format(new Date(i.at))}`} />
      ),
  },
]

function UndoButton({ intent, idName, id, label }: { intent: string; idName: string; id: string; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <button type="submit" className="btn-secondary" aria-label={label}>
        Undo
      </button>
    </Form>
  )
}

function searchLink(params: Record<string, string>) {
  return `/admin/moderation?${new URLSearchParams(params)}`
}

function lastHour() {
  const f = ukTime.isoDateTime
  return f.format(new Date(Date.now() - 3600_000)).replace(' ', 'T')
}

export default function AdminModeration({ loaderData, actionData }: Route.ComponentProps) {
  const { result, criteria, matches, trends, invalidations, ipMin, struck, reverted } = loaderData
  const fields = Object.fromEntries(
    (['email', 'domain', 'postcode', 'name', 'ip', 'from', 'to'] as const).map((k) => {
      const state = fieldState('search', result, k)
      const value = criteria?.[k]
      return [k, { ...state, defaultValue: state.defaultValue ?? (typeof value === 'string' ? value : undefined) }]
    }),
  ) as Record<'email' | 'domain' | 'postcode' | 'name' | 'ip' | 'from' | 'to', ReturnType<typeof fieldState>>
  const target = criteria?.target ?? (result?.initialValue?.target === 'letters' ? 'letters' : 'signatures')
  const reason = fieldState('strike', actionData?.result, 'reason')
  const noun = matches?.target === 'letters' ? 'letters' : 'signatures'
  return (
    <>
      <h1 className="text-3xl font-bold">Moderation</h1>
      {struck ? (
        <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">
          Struck out {formatNumber(Number(struck))} {target === 'letters' ? 'letters' : 'signatures'}. They no longer count; you can undo this below.
        </p>
      ) : null}
      {reverted ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Undone: they count again.</p> : null}
      {actionData?.message ? <p role="alert" className="mt-4 rounded border-4 border-warn p-3 font-semibold">{actionData.message}</p> : null}

      <section aria-labelledby="trending-title" className="mt-6">
        <h2 id="trending-title" className="text-2xl font-bold">Trending in the last hour</h2>
        <div className="mt-2 grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="font-bold">Networks with {ipMin} or more signatures</h3>
            <p className="text-sm text-ink-muted">An IPv4 address, or an IPv6 /64 (one connection controls all of it).</p>
            {trends.ips.length ? (
              <ul className="mt-1 list-disc pl-5">
                {trends.ips.map((t) => (
                  <li key={t.network}>
                    <a href={searchLink({ ip: t.network, from: lastHour() })}>{t.network}</a>: {formatNumber(t.count)} ({formatNumber(t.confirmed)} confirmed)
                  </li>
                ))}
              </ul>
            ) : <p className="mt-1 text-ink-muted">None.</p>}
          </div>
          <div>
            <h3 className="font-bold">Email domains well above their usual rate</h3>
            <p className="text-sm text-ink-muted">Subdomains count with their domain (x1.example.co.uk as example.co.uk).</p>
            {trends.domains.length ? (
              <ul className="mt-1 list-disc pl-5">
                {trends.domains.map((t) => (
                  <li key={t.domain}>
                    <a href={searchLink({ domain: t.domain, from: lastHour() })}>{t.domain}</a>: {formatNumber(t.count)} (usually {t.usualPerHour} an hour)
                  </li>
                ))}
              </ul>
            ) : <p className="mt-1 text-ink-muted">None.</p>}
          </div>
        </div>
      </section>

      <section aria-labelledby="search-title" className="mt-8">
        <h2 id="search-title" className="text-2xl font-bold">Search</h2>
        <p className="mt-1 text-ink-muted">Fill in one or more boxes; results match all of them. Times are UK time.</p>
        <Form method="get" noValidate className="mt-4 max-w-3xl">
          <ErrorSummary problems={problemsOf(Object.values(fields))} />
          <fieldset className="mb-5">
            <legend className="field-label">Search in</legend>
            <div className="mt-1 flex gap-6">
              <label className="flex items-center gap-2"><input type="radio" name="target" value="signatures" defaultChecked={target === 'signatures'} className="h-5 w-5" /> Signatures</label>
              <label className="flex items-center gap-2"><input type="radio" name="target" value="letters" defaultChecked={target === 'letters'} className="h-5 w-5" /> Letters to MPs</label>
            </div>
          </fieldset>
          <div className="grid gap-x-6 md:grid-cols-2">
            <TextField field={fields.email} label="Email address" type="email" required={false} spellCheck={false} />
            <TextField field={fields.domain} label="Email domain" hint="Like example.org; finds its subdomains too" required={false} spellCheck={false} />
            <TextField field={fields.postcode} label="Postcode" hint="All or the start of one, like RG1" required={false} />
            <TextField field={fields.name} label="Name" hint="Any part of the name" required={false} spellCheck={false} />
            <TextField field={fields.ip} label="IP address or range" hint="Like 203.0.113.7 or 203.0.113.0/24; an IPv6 address finds its whole /64" required={false} spellCheck={false} />
            <div />
            <DateTimeField field={fields.from} label="Signed from" />
            <DateTimeField field={fields.to} label="Signed before" />
          </div>
          <button type="submit" className="btn">Search</button>
        </Form>
      </section>

      {matches ? (
        <section aria-labelledby="results-title" className="mt-8">
          <h2 id="results-title" className="text-2xl font-bold">
            {formatNumber(matches.total)} {noun} match
          </h2>
          {matches.total ? (
            <p className="mt-1">
              {Object.entries(matches.byState).map(([state, count]) => `${formatNumber(count)} ${state}`).join(', ')}.
              {matches.total > matches.sample.length ? ` The newest ${matches.sample.length} are listed.` : ''}
            </p>
          ) : null}
          {matches.ipRange ? <p className="mt-1">IPv6 addresses are searched by their /64 network, which one connection controls: {matches.ipRange}.</p> : null}
          <div className="mt-3">
            <DataTable
              caption={`The newest ${noun} that match`}
              className="w-full text-sm"
              scroll
              columns={matchColumns}
              rows={matches.sample}
              rowKey={(m) => m.id}
              empty={`No ${noun} match these criteria.`}
            />
          </div>
          {matches.invalidatable && criteria ? (
            <Form method="post" noValidate className="mt-6 max-w-2xl rounded-lg border-4 border-warn p-4">
              <h3 className="text-xl font-bold">Strike out {formatNumber(matches.invalidatable)} {noun}</h3>
              <p className="mt-1">
                {noun === 'signatures'
                  ? 'They stop counting straight away, on this dashboard and on the public count.'
                  : 'Letters not yet sent will not be sent. Letters already sent cannot be called back.'}{' '}
                You can undo this.
              </p>
              <ErrorSummary problems={problemsOf([reason])} />
              {CRITERIA_KEYS.map((k) => (criteria[k] ? <input key={k} type="hidden" name={k} value={criteria[k]} /> : null))}
              <input type="hidden" name="expected" value={matches.invalidatable} />
              <input type="hidden" name="intent" value="invalidate" />
              <TextField field={reason} label="Reason" hint="Kept in the audit log after supporters’ data is erased, so no names (email addresses keep only their domain), like “bot burst from one network”" />
              <button type="submit" className="btn bg-warn hover:bg-warn">
                Strike out {formatNumber(matches.invalidatable)} {noun}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <CallsSection
        bursts={loaderData.bursts}
        burstRule={loaderData.callBurst}
        criteria={loaderData.callCriteria}
        result={loaderData.callResult}
        matches={loaderData.callMatches}
        strikeOuts={loaderData.callStrikeOuts}
        strikeResult={actionData?.result?.initialValue?.intent === 'strike-calls' ? actionData.result : undefined}
        struck={loaderData.callsStruck}
        reverted={loaderData.callsReverted}
      />

      <section aria-labelledby="history-title" className="mt-10">
        <h2 id="history-title" className="text-2xl font-bold">Struck out recently</h2>
        <div className="mt-3">
          <DataTable
            caption="Strike-outs, newest first"
            className="w-full text-sm"
            scroll
            columns={invalidationColumns}
            rows={invalidations}
            rowKey={(i) => i.id}
            empty="Nothing has been struck out."
          />
        </div>
      </section>
    </>
  )
}

function DateTimeField({ field, label }: { field: ReturnType<typeof fieldState>; label: string }) {
  const errorId = field.error ? `${field.id}-error` : undefined
  return (
    <div className="mb-5">
      <label htmlFor={field.id} className="field-label">{label} <span className="font-normal">(optional)</span></label>
      {field.error ? <span id={errorId} className="field-error"><span className="sr-only">Error: </span>{field.error}</span> : null}
      <input id={field.id} name={field.name} type="datetime-local" defaultValue={field.defaultValue} aria-invalid={field.error ? true : undefined} aria-describedby={errorId} className="input" />
    </div>
  )
}

type CallStrikeRow = Loaded['callStrikeOuts'][number]
const callStrikeColumns: Column<CallStrikeRow>[] = [
  { header: 'When', cell: (c) => when.format(new Date(c.at)) },
  { header: 'Seat', cell: (c) => c.seat },
  { header: 'Calls made', cell: (c) => `${formatNumber(c.count)}, ${when.format(new Date(c.from))} to ${when.format(new Date(c.to))}` },
  { header: 'Reason', cell: (c) => c.reason },
  { header: 'By', cell: (c) => c.by },
  {
    header: <span className="sr-only">Undo</span>,
    key: 'undo',
    cell: (c) =>
      c.revertedAt ? (
        `Undone ${when.format(new Date(c.revertedAt))}`
      ) : (
        <UndoButton intent="revert-calls" idName="strikeOutId" id={c.id} label={`Undo striking out ${c.count} calls for ${c.seat} on ${when.format(new Date(c.at))}`} />
      ),
  },
]

/** datetime-local's value for a UTC instant, in UK time. */
function ukLocal(iso: string) {
  return ukTime.isoDateTime.format(new Date(iso)).replace(' ', 'T')
}

function CallsSection({
  bursts,
  burstRule: CALL_BURST,
  criteria,
  result,
  matches,
  strikeOuts,
  strikeResult,
  struck,
  reverted,
}: {
  bursts: Loaded['bursts']
  burstRule: Loaded['callBurst']
  criteria: Loaded['callCriteria']
  result: FormResult
  matches: Loaded['callMatches']
  strikeOuts: Loaded['callStrikeOuts']
  strikeResult: FormResult
  struck: string | null
  reverted: boolean
}) {
  const field = (name: 'callSeat' | 'callFrom' | 'callTo') => {
    const state = fieldState('calls', result, name)
    return { ...state, defaultValue: state.defaultValue ?? criteria?.[name] }
  }
  const seat = field('callSeat')
  const from = field('callFrom')
  const to = field('callTo')
  const reason = fieldState('strike-calls', strikeResult, 'reason')
  return (
    <section aria-labelledby="calls-title" className="mt-10">
      <h2 id="calls-title" className="text-2xl font-bold">Calls</h2>
      <p className="mt-1 max-w-3xl text-ink-muted">
        “I called” presses are claims: nothing about the caller is stored, and each network can press it 10 times an hour. Strike out a seat’s calls in
        a time window and they leave every count (dashboard, figures, constituency table and CSV, seat pages) until you undo it.
      </p>
      {struck ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Struck out {formatNumber(Number(struck))} calls. They no longer count; you can undo this below.</p> : null}
      {reverted ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Undone: those calls count again.</p> : null}

      <h3 className="mt-4 font-bold">Bursts: {CALL_BURST.min} or more calls for one seat within {CALL_BURST.minutes} minutes (last {CALL_BURST.lookBackHours} hours)</h3>
      {bursts.length ? (
        <ul className="mt-1 list-disc pl-5">
          {bursts.map((b) => (
            <li key={`${b.onsCode}-${b.from}`}>
              <a href={`/admin/moderation?${new URLSearchParams({ callSeat: b.onsCode, callFrom: ukLocal(b.from), callTo: ukLocal(b.to) })}#calls-title`}>
                {b.name}, {when.format(new Date(b.from))}
              </a>
              : {formatNumber(b.calls)} calls
            </li>
          ))}
        </ul>
      ) : <p className="mt-1 text-ink-muted">None.</p>}

      <Form method="get" noValidate className="mt-4 max-w-3xl">
        <ErrorSummary problems={problemsOf([seat, from, to])} />
        <TextField field={seat} label="Constituency ONS code" hint="Like E14001438 (on the constituency table)" spellCheck={false} className="max-w-xs" />
        <div className="grid gap-x-6 md:grid-cols-2">
          <TextField field={from} label="Calls from" hint="UK time, like 2026-11-28 14:00" />
          <TextField field={to} label="Calls before" hint="UK time, like 2026-11-28 14:10" />
        </div>
        <button type="submit" className="btn">Find calls</button>
      </Form>

      {matches && criteria ? (
        <div className="mt-4">
          <p className="font-semibold" data-testid="call-matches">
            {matches.seat?.name ?? criteria.callSeat}: {formatNumber(matches.counting)} calls counting in that window
            {matches.struck ? `, ${formatNumber(matches.struck)} already struck out` : ''}.
          </p>
          {matches.counting ? (
            <Form method="post" noValidate className="mt-3 max-w-2xl rounded-lg border-4 border-warn p-4">
              <h3 className="text-xl font-bold">Strike out {formatNumber(matches.counting)} calls</h3>
              <p className="mt-1">They stop counting straight away. You can undo this.</p>
              <ErrorSummary problems={problemsOf([reason])} />
              {CALL_KEYS.map((k) => <input key={k} type="hidden" name={k} value={criteria[k]} />)}
              <input type="hidden" name="expected" value={matches.counting} />
              <input type="hidden" name="intent" value="strike-calls" />
              <TextField field={reason} label="Why these calls" hint="Kept in the audit log, like “burst of presses for one seat in ten minutes”" />
              <button type="submit" className="btn bg-warn hover:bg-warn">Strike out {formatNumber(matches.counting)} calls</button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <div className="mt-6">
        <DataTable caption="Calls struck out, newest first" className="w-full text-sm" scroll columns={callStrikeColumns} rows={strikeOuts} rowKey={(c) => c.id} empty="No calls have been struck out." />
      </div>
    </section>
  )
}
