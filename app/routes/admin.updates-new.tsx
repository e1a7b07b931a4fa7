// Write a campaign update (saved as a draft; nothing is sent from here).
import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { TextArea } from '~/components/text-area'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import { MARKDOWN_HINT } from '~/updates/mailshot-labels'
import { WelshVersionFields } from '~/updates/welsh-version'
import { createMailshot, MAILSHOT_FORM_LIMITS, mailshotSchema } from '~/updates/mailshots.server'
import type { Route } from './+types/admin.updates-new'

export const meta = () => [{ title: 'Write an update — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  return null
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const submission = parseWithZod(await readFormData(request, MAILSHOT_FORM_LIMITS), { schema: mailshotSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { id } = await createMailshot(campaigner.id, submission.value)
  return redirect(`/admin/updates/${id}?done=saved`, 303)
}

export default function AdminUpdatesNew({ actionData }: Route.ComponentProps) {
  const subject = fieldState('update', actionData?.result, 'subject')
  const body = fieldState('update', actionData?.result, 'bodyMarkdown')
  const subjectCy = fieldState('update', actionData?.result, 'subjectCy')
  const bodyCy = fieldState('update', actionData?.result, 'bodyMarkdownCy')
  return (
    <>
      <h1 className="text-3xl font-bold">Write an update</h1>
      <p className="mt-2 max-w-3xl">It is saved as a draft. Next you can preview it and send yourself a test before anyone else gets it.</p>
      <Form method="post" noValidate className="mt-6 max-w-3xl">
        <ErrorSummary problems={problemsOf([subject, body, subjectCy, bodyCy])} />
        <TextField field={subject} label="Subject" />
        <TextArea monospace field={body} label="Message" hint={MARKDOWN_HINT} rows={14} />
        <WelshVersionFields subject={subjectCy} body={bodyCy} />
        <button type="submit" className="btn">Save draft</button>
      </Form>
    </>
  )
}
