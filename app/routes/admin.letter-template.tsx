import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import {
  bilingualLetterTemplateSchema,
  currentLetterTemplates,
  LETTER_TEMPLATE_FORM_LIMITS,
  letterTemplateSchema,
  previewLetter,
  saveLetterTemplate,
  type LetterTemplateInput,
} from '~/admin/campaign.server'
import { TextArea } from '~/components/text-area'
import { ErrorSummary } from '~/components/error-summary'
import { fieldState, problemsOf, type FormResult } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/admin.letter-template'

export const meta = () => [{ title: 'Letter template — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const templates = await currentLetterTemplates()
  return { template: templates.en, templateCy: templates.cy, saved: new URL(request.url).searchParams.get('saved') === '1' }
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request, LETTER_TEMPLATE_FORM_LIMITS)
  // The page always sends both languages (decision 112); a form with the English template only leaves the Welsh as it is.
  const schema = formData.has('bodyCy') ? bilingualLetterTemplateSchema : letterTemplateSchema
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data({ result: submission.reply(), preview: null, previewCy: null }, { status: 400 })
  if (formData.get('intent') === 'save') {
    await saveLetterTemplate(campaigner, submission.value)
    return redirect('/admin/letter-template?saved=1', 303)
  }
  const value: LetterTemplateInput = submission.value
  const previewCy = value.bodyCy === undefined ? null : previewLetter({ subjects: value.subjectsCy ?? [], body: value.bodyCy, prompts: value.promptsCy ?? [] }, 'cy')
  return { result: submission.reply(), preview: previewLetter(value), previewCy }
}

type Preview = ReturnType<typeof previewLetter>

function PreviewPanel({ preview, id, title, lang }: { preview: Preview; id: string; title: string; lang?: string }) {
  return (
    <section aria-labelledby={id} lang={lang} className="mt-8 max-w-3xl rounded-lg border-2 border-brand p-4">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
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
  )
}

function templateFields(result: FormResult, template: { subjects: string[]; body: string; prompts: string[] }, suffix: '' | 'Cy') {
  const withDefault = (name: 'subjects' | 'body' | 'prompts', fallback: string) => {
    const f = fieldState('template', result, `${name}${suffix}`)
    return { ...f, defaultValue: f.defaultValue ?? fallback }
  }
  return {
    subjects: withDefault('subjects', template.subjects.join('\n')),
    body: withDefault('body', template.body),
    prompts: withDefault('prompts', template.prompts.join('\n')),
  }
}

export default function AdminLetterTemplate({ loaderData, actionData }: Route.ComponentProps) {
  const { template, templateCy, saved } = loaderData
  const result = actionData?.result
  const en = templateFields(result, template, '')
  const cy = templateFields(result, templateCy, 'Cy')
  const preview = actionData?.preview
  const previewCy = actionData?.previewCy
  return (
    <>
      <h1 className="text-3xl font-bold">Letter template</h1>
      <p className="mt-2 max-w-3xl">
        What supporters start from when they write to their MP, in English and in Welsh (a writer on the Welsh pages starts from the Welsh one).
        Merge fields: <code>{'{{mp_name}}'}</code>, <code>{'{{constituency}}'}</code>, <code>{'{{name}}'}</code>, <code>{'{{town}}'}</code>. Changes
        reach the letter page within a minute; letters already written keep their words.
      </p>
      {saved ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Saved. The change is in the audit log.</p> : null}
      <Form method="post" noValidate className="mt-6 max-w-3xl">
        <ErrorSummary problems={problemsOf([en.subjects, en.body, en.prompts, cy.subjects, cy.body, cy.prompts])} />
        <h2 className="mb-3 text-2xl font-bold">In English</h2>
        <TextArea monospace field={en.subjects} label="Subject lines" hint="One per line. Each letter gets one of them at random." rows={5} />
        <TextArea monospace field={en.body} label="Letter" rows={18} />
        <TextArea monospace field={en.prompts} label="Prompts beside the letter" hint="One per line: questions that help supporters add their own words." rows={4} required={false} />
        <h2 className="mb-3 mt-6 text-2xl font-bold">In Welsh</h2>
        <p className="mb-3">Our Welsh text awaits review by a Welsh speaker before launch.</p>
        <TextArea monospace field={cy.subjects} label="Welsh subjects" hint="One per line." rows={5} />
        <TextArea monospace field={cy.body} label="Welsh letter body" rows={18} />
        <TextArea monospace field={cy.prompts} label="Welsh prompts" hint="One per line." rows={4} required={false} />
        <div className="flex flex-wrap gap-4">
          <button type="submit" name="intent" value="preview" className="btn-secondary">Preview</button>
          <button type="submit" name="intent" value="save" className="btn">Save the template</button>
        </div>
      </Form>
      {preview ? <PreviewPanel preview={preview} id="preview-title" title="Preview (not saved yet)" /> : null}
      {previewCy ? <PreviewPanel preview={previewCy} id="preview-cy-title" title="Welsh version — not saved yet" lang="cy" /> : null}
    </>
  )
}
