// One campaign update: edit and preview the draft, send a test, send it,
// watch its progress, pause and resume.
import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { DraftEditor, IntentButton as Intent, SendProgress } from '~/components/draft-and-send'
import { TextArea } from '~/components/text-area'
import { TextField, fieldState } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import { Markdown } from '~/updates/markdown'
import { MAILSHOT_STATUS_LABEL, MARKDOWN_HINT } from '~/updates/mailshot-labels'
import { UpdatePreview, WelshVersionFields } from '~/updates/welsh-version'
import {
  deleteDraft,
  getMailshot,
  MAILSHOT_FORM_LIMITS,
  mailshotSchema,
  pauseMailshot,
  resumeMailshot,
  sendTestMailshot,
  startTestedMailshot,
  testedAsWritten,
  updateMailshot,
} from '~/updates/mailshots.server'
import type { Route } from './+types/admin.updates-detail'

export const meta = () => [{ title: 'Campaign update — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const shot = await getMailshot(params.id)
  if (!shot) throw data('No such update.', { status: 404 })
  const query = new URL(request.url).searchParams
  return {
    me: campaigner.email,
    done: query.get('done'),
    /** The confirmation step before a send to supporters (decision 097). */
    confirming: query.get('step') === 'confirm' && shot.status === 'draft',
    tested: shot.status === 'draft' ? await testedAsWritten(shot.id) : true,
    shot: {
      id: shot.id,
      subject: shot.subject,
      bodyMarkdown: shot.bodyMarkdown,
      subjectCy: shot.subjectCy,
      bodyMarkdownCy: shot.bodyMarkdownCy,
      status: shot.status,
      by: shot.createdBy.email,
      startedAt: shot.startedAt?.toISOString() ?? null,
      finishedAt: shot.finishedAt?.toISOString() ?? null,
      progress: shot.progress,
    },
  }
}

const DONE: Record<string, string> = {
  saved: 'Draft saved.',
  test: 'Test sent to your address. It arrives within a minute.',
  started: 'Sending has started.',
  paused: 'Paused. Nothing more is queued until you resume.',
  resumed: 'Sending again.',
  untested: 'Send yourself a test of the update as it reads now before sending it to supporters.',
  stale: 'That could not be done: the update changed in the meantime (someone else may have started or paused it).',
}

export async function action({ request, params }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request, MAILSHOT_FORM_LIMITS)
  const back = (done: string, step?: 'confirm') => redirect(`/admin/updates/${params.id}?done=${done}${step ? `&step=${step}` : ''}`, 303)
  switch (formData.get('intent')) {
    case 'save': {
      const submission = parseWithZod(formData, { schema: mailshotSchema })
      if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
      return back((await updateMailshot(params.id, campaigner.id, submission.value)) ? 'saved' : 'stale')
    }
    case 'test':
      return back((await sendTestMailshot(params.id, campaigner)) ? 'test' : 'stale', formData.get('step') === 'confirm' ? 'confirm' : undefined)
    case 'start': {
      const outcome = await startTestedMailshot(params.id, campaigner.id)
      return back(outcome, outcome === 'untested' ? 'confirm' : undefined)
    }
    case 'pause':
      return back((await pauseMailshot(params.id, campaigner.id)) ? 'paused' : 'stale')
    case 'resume':
      return back((await resumeMailshot(params.id, campaigner.id)) ? 'resumed' : 'stale')
    case 'delete':
      return (await deleteDraft(params.id, campaigner.id)) ? redirect('/admin/updates', 303) : back('stale')
    default:
      throw data('Unknown action.', { status: 400 })
  }
}

const PROGRESS_LABELS: [string, string][] = [
  ['queued', 'Waiting to send'],
  ['sending', 'Being sent'],
  ['sent', 'Sent'],
  ['delivery_delayed', 'Delayed'],
  ['delivered', 'Delivered'],
  ['bounced', 'Bounced'],
  ['complained', 'Marked as spam'],
  ['suppressed', 'Not sent (unsubscribed or blocked)'],
  ['failed', 'Failed'],
]

export default function AdminUpdate({ loaderData, actionData }: Route.ComponentProps) {
  const { shot, done, me, confirming, tested } = loaderData
  const { progress } = shot

  const subject = { ...fieldState('update', actionData?.result, 'subject') }
  subject.defaultValue ??= shot.subject
  const body = { ...fieldState('update', actionData?.result, 'bodyMarkdown') }
  body.defaultValue ??= shot.bodyMarkdown
  const subjectCy = { ...fieldState('update', actionData?.result, 'subjectCy') }
  if (!actionData) subjectCy.defaultValue ??= shot.subjectCy ?? undefined
  const bodyCy = { ...fieldState('update', actionData?.result, 'bodyMarkdownCy') }
  if (!actionData) bodyCy.defaultValue ??= shot.bodyMarkdownCy ?? undefined
  const hasWelsh = Boolean(shot.subjectCy && shot.bodyMarkdownCy)
  const people = `${progress.audience.toLocaleString('en-GB')} supporter${progress.audience === 1 ? '' : 's'}`

  return (
    <>
      <p className="text-sm"><a href="/admin/updates">All updates</a></p>
      <h1 className="mt-2 text-3xl font-bold">{shot.subject}</h1>
      <p className="mt-1 text-ink-muted">
        {MAILSHOT_STATUS_LABEL[shot.status]} · written by {shot.by}
      </p>
      {done && DONE[done] ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">{DONE[done]}</p> : null}

      {confirming ? (
        <section aria-labelledby="confirm-title" className="mt-6 max-w-2xl">
          <h2 id="confirm-title" className="text-2xl font-bold">Check before you send</h2>
          <p className="mt-2">
            This sends “{shot.subject}” to <strong>{people}</strong>: confirmed signers who asked for updates, have not unsubscribed, and whose address
            has not bounced. Once sending starts it cannot be changed or recalled, only paused.
          </p>
          {tested ? (
            <>
              <p className="mt-3">A test of the update as it reads now was sent to you ({me}). If it looked right on your phone and computer, send it.</p>
              <div className="mt-4 flex flex-wrap items-center gap-4">
                <Intent value="start">{`Send to ${people}`}</Intent>
                <a href={`/admin/updates/${shot.id}`}>Back to the draft</a>
              </div>
            </>
          ) : (
            <>
              <p className="mt-3 rounded border-4 border-warn p-3 font-semibold">
                First send yourself a test of the update as it reads now ({me}), and check it on your phone and computer. Any edit needs a new test.
              </p>
              <div className="mt-4 flex flex-wrap items-center gap-4">
                <Intent value="test" step="confirm" className="btn-secondary">Send me a test</Intent>
                <a href={`/admin/updates/${shot.id}`}>Back to the draft</a>
              </div>
            </>
          )}
        </section>
      ) : shot.status === 'draft' ? (
        <>
          <section aria-labelledby="preview-title" className="mt-6">
            <h2 id="preview-title" className="text-2xl font-bold">Preview</h2>
            {hasWelsh ? <p className="mt-2 max-w-3xl">Supporters who signed in Welsh get the Welsh version; everyone else gets the English.</p> : null}
            <div className="mt-3 grid max-w-5xl gap-4 lg:grid-cols-2">
              <UpdatePreview label={hasWelsh ? 'English' : undefined} subject={shot.subject} bodyMarkdown={shot.bodyMarkdown} />
              {hasWelsh ? <UpdatePreview label="Cymraeg (Welsh)" lang="cy" subject={shot.subjectCy!} bodyMarkdown={shot.bodyMarkdownCy!} /> : null}
            </div>
          </section>

          <section aria-labelledby="send-title" className="mt-8">
            <h2 id="send-title" className="text-2xl font-bold">Send</h2>
            <p className="mt-2">First send a test to yourself ({me}), and check it on your phone and computer.</p>
            <div className="mt-3 flex flex-wrap gap-3">
              <Intent value="test" className="btn-secondary">Send me a test</Intent>
              <a href={`/admin/updates/${shot.id}?step=confirm`} className="btn">{`Review and send to ${people}`}</a>
            </div>
            <p className="mt-2 text-sm text-ink-muted">Confirmed signers who asked for updates, have not unsubscribed, and whose address has not bounced. Once sending starts, the update cannot be changed.</p>
          </section>

          <DraftEditor fields={[subject, body, subjectCy, bodyCy]}>
            <TextField field={subject} label="Subject" />
            <TextArea monospace field={body} label="Message" hint={MARKDOWN_HINT} rows={14} />
            <WelshVersionFields subject={subjectCy} body={bodyCy} />
          </DraftEditor>
        </>
      ) : (
        <SendProgress
          sending={shot.status === 'sending'}
          sentSummary="What was sent"
          sent={
            <>
              <div className="prose-campaign mt-3 rounded border-2 border-gray-300 p-5 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
                <Markdown source={shot.bodyMarkdown} />
              </div>
              {hasWelsh ? (
                <div lang="cy" className="prose-campaign mt-3 rounded border-2 border-gray-300 p-5 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
                  <p className="text-sm text-ink-muted" lang="en-GB">Welsh version: {shot.subjectCy}</p>
                  <Markdown source={shot.bodyMarkdownCy!} />
                </div>
              ) : null}
            </>
          }
        >
          <p className="mt-2">
            <label htmlFor="mailshot-progress">
              Queued {progress.queued.toLocaleString('en-GB')} of {progress.audience.toLocaleString('en-GB')}
            </label>
          </p>
          <progress id="mailshot-progress" className="mt-1 h-4 w-full max-w-xl" max={Math.max(1, progress.audience)} value={progress.queued} />
          <table className="mt-4 text-left">
            <tbody>
              {PROGRESS_LABELS.filter(([key]) => progress.byStatus[key]).map(([key, label]) => (
                <tr key={key} className="border-b border-gray-200">
                  <th scope="row" className="py-1 pr-6 font-normal">{label}</th>
                  <td className="py-1 tabular-nums">{progress.byStatus[key]!.toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-4 flex gap-3">
            {shot.status === 'sending' ? <Intent value="pause" className="btn-secondary">Pause sending</Intent> : null}
            {shot.status === 'paused' ? <Intent value="resume">Resume sending</Intent> : null}
          </div>
        </SendProgress>
      )}
    </>
  )
}
