// One MP briefing: while a draft, who it goes to (and who not, and why), a preview as one MP will read
// it, editing, and the confirmation step before sending; then its progress, MP by MP.
import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { BRIEFING_INTERVAL_DAYS, BRIEFING_STATUS_LABEL, BRIEFING_TEMPLATE_HINT, THRESHOLD_HINT } from '~/briefings/briefing-labels'
import { BriefingBody } from '~/briefings/briefing-text'
import {
  BRIEFING_FORM_LIMITS,
  briefingPage,
  briefingReplyTo,
  briefingSchema,
  deleteBriefingDraft,
  startBriefing,
  updateBriefing,
  type Exclusion,
  type MpStanding,
} from '~/briefings/briefings.server'
import { DraftEditor, IntentButton as Intent, SendProgress } from '~/components/draft-and-send'
import { TextArea } from '~/components/text-area'
import { TextField, fieldState } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.briefings-detail'

export const meta = () => [{ title: 'MP briefing — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

function exclusionText(exclusion: Exclusion): string {
  switch (exclusion.kind) {
    case 'switched-off':
      return `Target switched off${exclusion.reason ? `: ${exclusion.reason}` : ''}`
    case 'no-address':
      return 'No email address (set an override on MP targets)'
    case 'bounced':
      return `Not sent: address bounced on ${ukTime.day.format(exclusion.since)} (fix it on MP targets)`
    case 'briefed-recently':
      return `Briefed on ${ukTime.day.format(exclusion.at)}: at most one briefing in ${BRIEFING_INTERVAL_DAYS} days`
  }
}

function row(s: MpStanding) {
  return {
    mpId: s.mpId,
    name: s.name,
    party: s.party,
    onsCode: s.onsCode,
    constituency: s.constituency,
    signatures: s.signatures,
    letters: s.letters,
    rank: `${s.tied ? 'joint ' : ''}${s.rank}`,
    address: s.address,
    lastBriefedAt: s.lastBriefedAt ? ukTime.day.format(s.lastBriefedAt) : null,
    why: s.exclusion ? exclusionText(s.exclusion) : null,
  }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const query = new URL(request.url).searchParams
  const previewMp = Number(query.get('mp')?.slice(0, 12))
  const page = await briefingPage(params.id, Number.isInteger(previewMp) ? previewMp : undefined)
  if (!page) throw data('No such briefing.', { status: 404 })
  const { briefing, audience, preview } = page
  return {
    done: query.get('done'),
    confirming: query.get('step') === 'confirm' && briefing.status === 'draft',
    replyTo: briefingReplyTo(),
    briefing: {
      id: briefing.id,
      subject: briefing.subject,
      bodyMarkdown: briefing.bodyMarkdown,
      threshold: briefing.threshold,
      status: briefing.status,
      by: briefing.createdBy.email,
      startedAt: briefing.startedAt?.toISOString() ?? null,
      recipientCount: briefing.recipientCount,
      queuedCount: briefing.queuedCount,
      skippedCount: briefing.skippedCount,
      recipients: briefing.recipients.map((r) => ({ ...r, queuedAt: r.queuedAt ? ukTime.dateTime.format(r.queuedAt) : null })),
    },
    audience: audience ? { eligible: audience.eligible.map(row), excluded: audience.excluded.map(row), belowThreshold: audience.belowThreshold } : null,
    preview,
  }
}

const DONE: Record<string, string> = {
  saved: 'Draft saved.',
  started: 'Sending has started. Each MP’s email goes through the outbox; this page shows them as they go.',
  nobody: 'Nothing was sent: no MP is eligible for this briefing now.',
  stale: 'That could not be done: the briefing changed in the meantime (someone else may have started it).',
}

export async function action({ request, params }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request, BRIEFING_FORM_LIMITS)
  const back = (done: string) => redirect(`/admin/briefings/${params.id}?done=${done}`, 303)
  switch (formData.get('intent')) {
    case 'save': {
      const submission = parseWithZod(formData, { schema: briefingSchema })
      if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
      return back((await updateBriefing(params.id, campaigner.id, submission.value)) ? 'saved' : 'stale')
    }
    case 'start':
      return back((await startBriefing(params.id, campaigner.id)).status)
    case 'delete':
      return (await deleteBriefingDraft(params.id, campaigner.id)) ? redirect('/admin/briefings', 303) : back('stale')
    default:
      throw data('Unknown action.', { status: 400 })
  }
}

type Row = ReturnType<typeof row>
type Recipient = Route.ComponentProps['loaderData']['briefing']['recipients'][number]

const mpColumn: Column<Row> = { header: 'MP', rowHeader: true, cell: (s) => <>{s.name} <span className="text-ink-muted">({s.party})</span></> }
const seatColumn: Column<Row> = { header: 'Constituency', cell: (s) => <a href={`/map/${s.onsCode}`}>{s.constituency}</a> }
const signaturesColumn: Column<Row> = { header: 'Signatures', numeric: true, cell: (s) => formatNumber(s.signatures) }

const eligibleColumns: Column<Row>[] = [
  mpColumn,
  seatColumn,
  signaturesColumn,
  { header: 'Letters', numeric: true, cell: (s) => formatNumber(s.letters) },
  { header: 'Rank of 650', numeric: true, cell: (s) => s.rank },
  { header: 'Sends to', cell: (s) => s.address, className: 'break-all' },
  { header: 'Last briefed', cell: (s) => s.lastBriefedAt ?? 'Never' },
]
const excludedColumns: Column<Row>[] = [mpColumn, seatColumn, signaturesColumn, { header: 'Why not', cell: (s) => s.why }]
const recipientColumns: Column<Recipient>[] = [
  { header: 'MP', rowHeader: true, cell: (r) => r.name },
  { header: 'Constituency', cell: (r) => r.constituency },
  { header: 'Sent to', cell: (r) => r.to ?? '—', className: 'break-all' },
  { header: 'Queued', cell: (r) => r.queuedAt ?? '—' },
  { header: 'State', cell: (r) => r.state },
]

export default function AdminBriefing({ loaderData, actionData }: Route.ComponentProps) {
  const { briefing, audience, preview, done, confirming, replyTo } = loaderData
  const threshold = { ...fieldState('briefing', actionData?.result, 'threshold') }
  threshold.defaultValue ??= String(briefing.threshold)
  const subject = { ...fieldState('briefing', actionData?.result, 'subject') }
  subject.defaultValue ??= briefing.subject
  const body = { ...fieldState('briefing', actionData?.result, 'bodyMarkdown') }
  body.defaultValue ??= briefing.bodyMarkdown
  const eligibleCount = audience?.eligible.length ?? 0
  const mps = `${formatNumber(eligibleCount)} MP${eligibleCount === 1 ? '' : 's'}`

  return (
    <>
      <p className="text-sm"><a href="/admin/briefings">All briefings</a></p>
      <h1 className="mt-2 text-3xl font-bold">{briefing.subject}</h1>
      <p className="mt-1 text-ink-muted">
        {BRIEFING_STATUS_LABEL[briefing.status]} · to MPs whose constituency has at least {formatNumber(briefing.threshold)} confirmed signatures · written by {briefing.by}
      </p>
      {done && DONE[done] ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">{DONE[done]}</p> : null}

      {confirming && audience ? (
        <section aria-labelledby="confirm-title" className="mt-6 max-w-2xl">
          <h2 id="confirm-title" className="text-2xl font-bold">Check before you send</h2>
          {eligibleCount ? (
            <>
              <p className="mt-2">
                This sends “{briefing.subject}” to <strong>{mps}</strong>, one email each to their parliamentary address, from the campaign, with
                replies going to {replyTo}. None of them can get another briefing for {BRIEFING_INTERVAL_DAYS} days. Once sending starts it cannot be
                changed or recalled.
              </p>
              <div className="mt-4 flex flex-wrap items-center gap-4">
                <Intent value="start">{`Send to ${mps}`}</Intent>
                <a href={`/admin/briefings/${briefing.id}`}>Back to the draft</a>
              </div>
            </>
          ) : (
            <p className="mt-2">No MP is eligible for this briefing now. <a href={`/admin/briefings/${briefing.id}`}>Back to the draft</a></p>
          )}
        </section>
      ) : audience && preview ? (
        <>
          <section aria-labelledby="audience-title" className="mt-6">
            <h2 id="audience-title" className="text-2xl font-bold">Who gets it: {mps}</h2>
            <p className="mt-2 max-w-3xl">
              MPs whose constituency has at least {formatNumber(briefing.threshold)} confirmed signatures, with an email address, switched on as a target,
              whose address has not bounced, and not briefed in the last {BRIEFING_INTERVAL_DAYS} days. {formatNumber(audience.belowThreshold)} more MPs
              have fewer signatures than that.
            </p>
            <div className="mt-3">
              <DataTable caption="MPs who would get this briefing" showCaption columns={eligibleColumns} rows={audience.eligible} rowKey={(s) => s.mpId} empty="No MP is eligible: lower the number of signatures needed, or wait for more signatures." scroll />
            </div>
            <div className="mt-6">
              <DataTable caption="MPs with enough signatures who would not get it, and why" showCaption columns={excludedColumns} rows={audience.excluded} rowKey={(s) => s.mpId} empty="Every MP with enough signatures would get it." scroll />
            </div>
          </section>

          <section aria-labelledby="preview-title" className="mt-8">
            <h2 id="preview-title" className="text-2xl font-bold">Preview</h2>
            {audience.eligible.length ? (
              <Form method="get" className="mt-3 flex max-w-2xl flex-wrap items-end gap-3">
                <div className="flex-1">
                  <label htmlFor="preview-mp" className="field-label">Preview as the email to</label>
                  <select id="preview-mp" name="mp" defaultValue={preview.mpId ?? undefined} className="input">
                    {audience.eligible.map((s) => (
                      <option key={s.mpId} value={s.mpId}>{`${s.name}, ${s.constituency}`}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="btn-secondary">Show preview</button>
              </Form>
            ) : (
              <p className="mt-2">No MP is eligible yet, so this preview uses example figures.</p>
            )}
            <div className="mt-3 max-w-2xl rounded border-2 border-gray-300 p-5" data-testid="briefing-preview">
              {preview.to ? <p className="text-sm text-ink-muted">To: <strong className="text-ink">{preview.to}</strong></p> : null}
              <p className="text-sm text-ink-muted">Reply-To: <strong className="text-ink">{replyTo}</strong></p>
              <p className="text-sm text-ink-muted">Subject: <strong className="text-ink">{preview.subject}</strong></p>
              <div className="prose-campaign mt-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_p]:my-3">
                <BriefingBody template={briefing.bodyMarkdown} values={preview.values} />
              </div>
            </div>
          </section>

          <section aria-labelledby="send-title" className="mt-8">
            <h2 id="send-title" className="text-2xl font-bold">Send</h2>
            <p className="mt-2">
              <a href={`/admin/briefings/${briefing.id}?step=confirm`} className="btn">{`Review and send to ${mps}`}</a>
            </p>
          </section>

          <DraftEditor fields={[threshold, subject, body]}>
            <TextField field={threshold} label="Signatures needed in the constituency" hint={THRESHOLD_HINT} className="max-w-xs" />
            <TextField field={subject} label="Subject" />
            <TextArea monospace field={body} label="Briefing" hint={BRIEFING_TEMPLATE_HINT} rows={16} />
          </DraftEditor>
        </>
      ) : (
        <SendProgress
          sending={briefing.status === 'sending'}
          sentSummary="What was sent (template)"
          sent={<pre className="mt-3 whitespace-pre-wrap rounded border-2 border-gray-300 p-5 text-sm">{briefing.bodyMarkdown}</pre>}
        >
          <p className="mt-2">
            {formatNumber(briefing.queuedCount)} of {formatNumber(briefing.recipientCount)} MPs’ emails written to the outbox
            {briefing.skippedCount ? `; ${formatNumber(briefing.skippedCount)} not sent (their address or target changed after the start)` : ''}.
          </p>
          <div className="mt-3">
            <DataTable caption="MPs this briefing goes to" showCaption columns={recipientColumns} rows={briefing.recipients} rowKey={(r) => r.mpId} empty="No MPs." scroll />
          </div>
        </SendProgress>
      )}
    </>
  )
}
