import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { currentLetterTemplate, LETTER_TEMPLATE_FORM_LIMITS, letterTemplateSchema, previewLetter, saveLetterTemplate } from '~/admin/campaign.server'
import { TextArea } from '~/components/text-area'
import { ErrorSummary } from '~/components/error-summary'
import { fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/admin.letter-template'

export const meta = () => [{ title: 'Letter template — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const template = await currentLetterTemplate()
  return { template, saved: new URL(request.url).searchParams.get('saved') === '1' }
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request, LETTER_TEMPLATE_FORM_LIMITS)
  const submission = parseWithZod(formData, { schema: letterTemplateSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), preview: null }, { status: 400 })
  if (formData.get('intent') === 'save') {
    await saveLetterTemplate(campaigner, submission.value)
    return redirect('/admin/letter-template?saved=1', 303)
  }
  return { result: submission.reply(), preview: previewLetter(submission.value) }
}

export default function AdminLetterTemplate({ loaderData, actionData }: Route.ComponentProps) {
  const { template, saved } = loaderData
  const result = actionData?.result
  const withDefault = (name: 'subjects' | 'body' | 'prompts', fallback: string) => {
    const f = fieldState('template', result, name)
    return { ...f, defaultValue: f.defaultValue ?? fallback }
  }
  const subjects = withDefault('subjects', template.subjects.join('\n'))
  const body = withDefault('body', template.body)
  const prompts = withDefault('prompts', template.prompts.join('\n'))
  const preview = actionData?.preview
  return (
    <>
      <h1 className="text-3xl font-bold">Letter template</h1>
      <p className="mt-2 max-w-3xl">
        What supporters start from when they write to their MP. Merge fields: <code>{'{{mp_name}}'}</code>, <code>{'{{constituency}}'}</code>,{' '}
        <code>{'{{name}}'}</code>, <code>{'{{town}}'}</code>. Changes reach the letter page within a minute; letters already written keep their words.
      </p>
      {saved ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Saved. The change is in the audit log.</p> : null}
      <Form method="post" noValidate className="mt-6 max-w-3xl">
        <ErrorSummary problems={problemsOf([subjects, body, prompts])} />
        <TextArea monospace field={subjects} label="Subject lines" hint="One per line. Each letter gets one of them at random." rows={5} />
        <TextArea monospace field={body} label="Letter" rows={18} />
        <TextArea monospace field={prompts} label="Prompts beside the letter" hint="One per line: questions that help supporters add their own words." rows={4} required={false} />
        <div className="flex flex-wrap gap-4">
          <button type="submit" name="intent" value="preview" className="btn-secondary">Preview</button>
          <button type="submit" name="intent" value="save" className="btn">Save the template</button>
        </div>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title" className="mt-8 max-w-3xl rounded-lg border-2 border-brand p-4">
          <h2 id="preview-title" className="text-2xl font-bold">Preview (not saved yet)</h2>
          <h3 className="mt-3 font-bold">Subject lines</h3>
          <ul className="list-disc pl-5">{preview.subjects.map((s, i) => <li key={i}>{s}</li>)}</ul>
          <h3 className="mt-3 font-bold">Letter to Jane Example MP, Reading Central</h3>
          <div className="mt-1 whitespace-pre-wrap rounded bg-gray-50 p-3">{preview.body}</div>
          {preview.prompts.length ? (
            <>
              <h3 className="mt-3 font-bold">Prompts</h3>
              <ul className="list-disc pl-5">{preview.prompts.map((p, i) => <li key={i}>{p}</li>)}</ul>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
