import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { PREVIEW_VALUES } from '~/calls/script'
import { bilingualCallScriptSchema, CALL_SCRIPT_FORM_LIMITS, callScriptSchema, currentCallScripts, previewCallScript, saveCallScript } from '~/calls/script.server'
import { mergeScript } from '~/calls/script'
import { ErrorSummary } from '~/components/error-summary'
import { TextArea } from '~/components/text-area'
import { fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/admin.call-script'

export const meta = () => [{ title: 'Call script — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const scripts = await currentCallScripts()
  return { body: scripts.en, bodyCy: scripts.cy, saved: new URL(request.url).searchParams.get('saved') === '1' }
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const formData = await readFormData(request, CALL_SCRIPT_FORM_LIMITS)
  // The page always sends both languages (decision 112); a form with the English script only leaves the Welsh as it is.
  const schema = formData.has('bodyCy') ? bilingualCallScriptSchema : callScriptSchema
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data({ result: submission.reply(), preview: null, previewCy: null }, { status: 400 })
  if (formData.get('intent') === 'save') {
    await saveCallScript(campaigner, submission.value)
    return redirect('/admin/call-script?saved=1', 303)
  }
  const bodyCy = 'bodyCy' in submission.value && typeof submission.value.bodyCy === 'string' ? submission.value.bodyCy : undefined
  return { result: submission.reply(), preview: previewCallScript(submission.value), previewCy: bodyCy === undefined ? null : mergeScript(bodyCy, PREVIEW_VALUES) }
}

export default function AdminCallScript({ loaderData, actionData }: Route.ComponentProps) {
  const state = fieldState('call-script', actionData?.result, 'body')
  const body = { ...state, defaultValue: state.defaultValue ?? loaderData.body }
  const stateCy = fieldState('call-script', actionData?.result, 'bodyCy')
  const bodyCy = { ...stateCy, defaultValue: stateCy.defaultValue ?? loaderData.bodyCy }
  const preview = actionData?.preview
  const previewCy = actionData?.previewCy
  return (
    <>
      <h1 className="text-3xl font-bold">Call script</h1>
      <p className="mt-2 max-w-3xl">
        What supporters could say when they phone their MP, shown on the letter page beside the MP’s office numbers. Merge fields:{' '}
        <code>{'{{mp_name}}'}</code>, <code>{'{{constituency}}'}</code>. Leave gaps like <code>[your name]</code> for the caller to fill in as they
        speak. Changes reach the letter page within a minute.
      </p>
      {loaderData.saved ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Saved. The change is in the audit log.</p> : null}
      <Form method="post" noValidate className="mt-6 max-w-3xl">
        <ErrorSummary problems={problemsOf([body, bodyCy])} />
        <TextArea monospace field={body} label="Call script" hint="Paragraphs separated by a blank line. Up to 3,000 characters." rows={14} />
        <TextArea
          monospace
          field={bodyCy}
          label="Welsh script for callers"
          hint="What callers see on the Welsh pages (/cy/write). The same merge fields and rules. Ours awaits review by a Welsh speaker."
          rows={14}
        />
        <div className="flex flex-wrap gap-4">
          <button type="submit" name="intent" value="preview" className="btn-secondary">Preview</button>
          <button type="submit" name="intent" value="save" className="btn">Save the script</button>
        </div>
      </Form>
      {preview !== null && preview !== undefined ? (
        <section aria-labelledby="preview-title" className="mt-8 max-w-3xl rounded-lg border-2 border-brand p-4">
          <h2 id="preview-title" className="text-2xl font-bold">Preview (not saved yet)</h2>
          <h3 className="mt-3 font-bold">
            Calling {PREVIEW_VALUES.mpName}, {PREVIEW_VALUES.constituency}
          </h3>
          <div className="mt-1 whitespace-pre-wrap rounded bg-gray-50 p-3" data-testid="call-script-preview">{preview}</div>
          {previewCy ? (
            <>
              <h3 className="mt-3 font-bold">In Welsh</h3>
              <div lang="cy" className="mt-1 whitespace-pre-wrap rounded bg-gray-50 p-3" data-testid="call-script-preview-cy">{previewCy}</div>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
