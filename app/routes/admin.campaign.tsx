import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { campaignCloseStatus, closeCampaign, closeCampaignSchema, reopenCampaign } from '~/admin/campaign-close.server'
import { saveHelpLines } from '~/admin/campaign.server'
import { helpLinesSchema, helpLinesSetting } from '~/campaign/help-lines.server'
import { TextField, type FormResult } from '~/components/text-field'
import { ErrorSummary } from '~/components/error-summary'
import { FieldFrame, fieldState, problemsOf } from '~/components/text-field'
import { paperTotalSetting, setPaperInTotal } from '~/admin/paper-imports.server'
import { formText, readFormData } from '~/lib/form-data.server'
import { formatNumber } from '~/lib/format'
import type { Route } from './+types/admin.campaign'

export const meta = () => [{ title: 'Closing the campaign — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const [status, paper, helpLines] = await Promise.all([campaignCloseStatus(), paperTotalSetting(), helpLinesSetting()])
  return { status, paper, helpLines, saved: new URL(request.url).searchParams.get('saved') }
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request)
  if (formData.get('intent') === 'paper-total') {
    await setPaperInTotal(campaigner, formText(formData, 'paperInTotal') === 'on')
    return redirect('/admin/campaign?saved=paper-total', 303)
  }
  if (formData.get('intent') === 'reopen') {
    if (!(await reopenCampaign(campaigner))) return data({ result: undefined, helpResult: undefined, error: 'The campaign has no close date: it is already open.' }, { status: 400 })
    return redirect('/admin/campaign?saved=reopened', 303)
  }
  if (formData.get('intent') === 'help-lines') {
    const help = parseWithZod(formData, { schema: helpLinesSchema })
    if (help.status !== 'success') return data({ result: undefined, helpResult: help.reply(), error: null }, { status: 400 })
    await saveHelpLines(campaigner, help.value)
    return redirect('/admin/campaign?saved=help-lines', 303)
  }
  const submission = parseWithZod(formData, { schema: closeCampaignSchema() })
  if (submission.status !== 'success') return data({ result: submission.reply(), helpResult: undefined, error: null }, { status: 400 })
  await closeCampaign(campaigner, submission.value.closedAt)
  return redirect('/admin/campaign?saved=closed', 303)
}

const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' })

export default function AdminCampaign({ loaderData, actionData }: Route.ComponentProps) {
  const { status, paper, saved } = loaderData
  const field = fieldState('campaign-close', actionData?.result, 'closedAt')
  const closedAt = { ...field, defaultValue: field.defaultValue ?? status.closedAt?.slice(0, 10) ?? '' }
  const hintId = `${closedAt.id}-hint`
  const months = `${status.afterCloseMonths} months`
  return (
    <>
      <h1 className="text-3xl font-bold">Closing the campaign</h1>
      {saved ? (
        <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">
          {saved === 'reopened' ? 'The close date is cleared.' : saved === 'paper-total' ? 'The public total is updated.' : saved === 'help-lines' ? 'The help lines are saved.' : 'The close date is saved.'} The change is in the audit log.
        </p>
      ) : null}
      {actionData?.error ? <p role="alert" className="mt-4 rounded border-4 border-warn p-3 font-semibold">{actionData.error}</p> : null}

      <section aria-labelledby="campaign-state" className="mt-6 max-w-3xl rounded-lg border-2 border-brand-light p-4">
        <h2 id="campaign-state" className="text-xl font-bold">
          {status.closedAt ? (status.open ? 'Open, closing soon' : 'Closed') : 'Open'}
        </h2>
        {status.closedAt && status.anonymiseAt ? (
          <>
            <p className="mt-2">
              The campaign {status.open ? 'closes' : 'closed'} on <strong>{day.format(new Date(status.closedAt))}</strong>.
            </p>
            <p className="mt-2">
              {status.anonymised ? (
                <>Supporters’ personal data was due to be anonymised on <strong>{day.format(new Date(status.anonymiseAt))}</strong>. Anonymised data cannot be brought back.</>
              ) : (
                <>Supporters’ names, email addresses and postal details will be anonymised on <strong>{day.format(new Date(status.anonymiseAt))}</strong>, {months} after the close date. The counts by constituency and nation are kept.</>
              )}
            </p>
          </>
        ) : (
          <p className="mt-2">No close date is set, so supporters’ personal data is kept for as long as the campaign runs.</p>
        )}
      </section>

      <div className="mt-6 max-w-3xl">
        <h2 className="text-xl font-bold">How closing works</h2>
        <p className="mt-2">
          Our privacy notice promises supporters that we keep their details only while the campaign needs them. Once you set a close
          date, the nightly retention job anonymises every signature and letter {months} after that date: names, email addresses
          and postcodes are removed for good, and only the totals remain. Until then you can move the date or clear it.
        </p>
      </div>

      <Form method="post" noValidate className="mt-6 max-w-md">
        <ErrorSummary problems={problemsOf([closedAt])} />
        <input type="hidden" name="intent" value="close" />
        <FieldFrame field={closedAt} label="Close date" hint={`The day the campaign ends. Personal data is anonymised ${months} later.`} required>
          {(describedBy) => (
            <input
              id={closedAt.id}
              name={closedAt.name}
              type="date"
              defaultValue={closedAt.defaultValue}
              required
              aria-invalid={closedAt.error ? true : undefined}
              aria-describedby={describedBy ?? hintId}
              className="input"
            />
          )}
        </FieldFrame>
        <button type="submit" className="btn">{status.closedAt ? 'Change the close date' : 'Set the close date'}</button>
      </Form>

      <section aria-labelledby="paper-total" className="mt-8 max-w-3xl">
        <h2 id="paper-total" className="text-xl font-bold">Paper signatures in the public total</h2>
        <p className="mt-2">
          {formatNumber(paper.paperCount)} signatures collected on paper or at events are imported (<a href="/admin/paper">Paper signatures</a>).
          They are {paper.included ? <strong>added to</strong> : <strong>not added to</strong>} the public total on the campaign page, the map
          and <code>/petition.json</code>, which says which either way. Online signatures are always confirmed by email; paper ones cannot be.
        </p>
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="paper-total" />
          <div className="mb-4 flex items-start gap-2">
            <input id="paper-in-total" name="paperInTotal" type="checkbox" defaultChecked={paper.included} className="mt-1 size-5" />
            <label htmlFor="paper-in-total">Add paper signatures to the public total</label>
          </div>
          <button type="submit" className="btn">Save</button>
        </Form>
      </section>

      {status.closedAt ? (
        <Form method="post" className="mt-6 max-w-3xl">
          <input type="hidden" name="intent" value="reopen" />
          <p className="mb-2">
            Reopening clears the close date, so nothing is anonymised on a schedule.
            {status.anonymised ? ' Data already anonymised stays anonymised.' : ''}
          </p>
          <button type="submit" className="btn-secondary">Reopen the campaign</button>
        </Form>
      ) : null}
      <HelpLinesForm saved={loaderData.helpLines} result={actionData?.helpResult} />
    </>
  )
}

const WORD_FIELDS = [
  ['heading', 'Heading'],
  ['intro', 'Introduction'],
  ['nspccName', 'Name of the NSPCC Helpline'],
  ['nspccFor', 'Who the NSPCC Helpline is for'],
  ['childlineName', 'Name of Childline'],
  ['childlineFor', 'Who Childline is for'],
] as const

const CONTACT_FIELDS = [
  ['nspccPhone', 'NSPCC Helpline phone number', 'tel'],
  ['nspccEmail', 'NSPCC Helpline email address', 'email'],
  ['childlinePhone', 'Childline phone number', 'tel'],
  ['childlineWeb', 'Childline web address (without https://)', 'text'],
] as const

type SavedHelpLines = Route.ComponentProps['loaderData']['helpLines']

/**
 * Where to get help (decision 111): the words beside Emily's story, on the thanks pages and in the footer of
 * supporters' emails, in English and Welsh. Every field is required; a submit with mistakes keeps what was typed.
 */
function HelpLinesForm({ saved, result }: { saved: SavedHelpLines; result: FormResult }) {
  const typed = (result?.initialValue ?? undefined) as Record<string, Record<string, unknown> | undefined> | undefined
  const field = (group: 'en' | 'cy' | 'contacts', key: string) => {
    const name = `${group}.${key}`
    const value = typed ? typed[group]?.[key] : (saved[group] as Record<string, string>)[key]
    return { id: `help-lines-${group}-${key}`, name, defaultValue: typeof value === 'string' ? value : '', error: result?.error?.[name]?.[0] }
  }
  const fields = [
    ...WORD_FIELDS.map(([key, label]) => ({ ...field('en', key), label: `${label} (English)` })),
    ...WORD_FIELDS.map(([key, label]) => ({ ...field('cy', key), label: `${label} (Welsh)` })),
    ...CONTACT_FIELDS.map(([key, label]) => ({ ...field('contacts', key), label })),
  ]
  return (
    <section aria-labelledby="help-lines-title" className="mt-10 max-w-3xl">
      <h2 id="help-lines-title" className="text-xl font-bold">Where to get help</h2>
      <p className="mt-2">
        Shown beside Emily’s story, on the thanks pages and at the foot of every email to supporters (never in letters to MPs), in the
        supporter’s language. Phone numbers become links that dial them. Check the Welsh with a Welsh speaker before you save it.
      </p>
      <Form method="post" noValidate className="mt-4">
        <ErrorSummary problems={problemsOf(fields)} />
        <input type="hidden" name="intent" value="help-lines" />
        {fields.map((f) => (
          <TextField key={f.id} field={f} label={f.label} type={f.name === 'contacts.nspccEmail' ? 'email' : 'text'} />
        ))}
        <button type="submit" className="btn">Save the help lines</button>
      </Form>
    </section>
  )
}
