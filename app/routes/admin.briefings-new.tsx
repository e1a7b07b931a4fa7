// Write an MP briefing (saved as a draft; nothing is sent from here).
import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { BRIEFING_TEMPLATE_HINT, THRESHOLD_HINT } from '~/briefings/briefing-labels'
import { DEFAULT_BRIEFING } from '~/briefings/briefing-text'
import { BRIEFING_FORM_LIMITS, briefingSchema, createBriefing } from '~/briefings/briefings.server'
import { ErrorSummary } from '~/components/error-summary'
import { TextArea } from '~/components/text-area'
import { TextField, fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/admin.briefings-new'

export const meta = () => [{ title: 'Write an MP briefing — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  return null
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const submission = parseWithZod(await readFormData(request, BRIEFING_FORM_LIMITS), { schema: briefingSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { id } = await createBriefing(campaigner.id, submission.value)
  return redirect(`/admin/briefings/${id}?done=saved`, 303)
}

export default function AdminBriefingsNew({ actionData }: Route.ComponentProps) {
  const subject = fieldState('briefing', actionData?.result, 'subject')
  const body = fieldState('briefing', actionData?.result, 'bodyMarkdown')
  const threshold = fieldState('briefing', actionData?.result, 'threshold')
  subject.defaultValue ??= DEFAULT_BRIEFING.subject
  body.defaultValue ??= DEFAULT_BRIEFING.bodyMarkdown
  threshold.defaultValue ??= '100'
  return (
    <>
      <p className="text-sm"><a href="/admin/briefings">All briefings</a></p>
      <h1 className="mt-2 text-3xl font-bold">Write an MP briefing</h1>
      <p className="mt-2 max-w-3xl">
        It is saved as a draft. Next you see who it would go to (and who not, and why), preview it as one of those MPs will read it, and confirm
        before anything is sent.
      </p>
      <Form method="post" noValidate className="mt-6 max-w-3xl">
        <ErrorSummary problems={problemsOf([threshold, subject, body])} />
        <TextField field={threshold} label="Signatures needed in the constituency" hint={THRESHOLD_HINT} className="max-w-xs" />
        <TextField field={subject} label="Subject" />
        <TextArea monospace field={body} label="Briefing" hint={BRIEFING_TEMPLATE_HINT} rows={16} />
        <button type="submit" className="btn">Save draft</button>
      </Form>
    </>
  )
}
