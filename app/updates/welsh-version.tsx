// The optional Welsh version of a campaign update (decision 078): its two fields on the compose and edit
// forms, and the preview both versions share.
import { TextArea } from '~/components/text-area'
import { TextField, type FieldState } from '~/components/text-field'
import { MARKDOWN_HINT } from './mailshot-labels'
import { Markdown } from './markdown'

export function WelshVersionFields({ subject, body }: { subject: FieldState; body: FieldState }) {
  return (
    <fieldset className="mt-6 border-t-2 border-gray-300 pt-4">
      <legend className="text-xl font-bold">Welsh version (optional)</legend>
      <p className="mb-4 max-w-3xl text-ink-muted">
        Supporters who signed in Welsh get this version when both fields are filled in; everyone else, and Welsh signers when these are empty,
        get the English.
      </p>
      <TextField field={subject} label="Title in Welsh" hint="The email’s subject line for Welsh signers." required={false} />
      <TextArea monospace field={body} label="Text in Welsh" hint={MARKDOWN_HINT} rows={10} required={false} />
    </fieldset>
  )
}

export function UpdatePreview({ label, lang, subject, bodyMarkdown }: { label?: string; lang?: 'cy'; subject: string; bodyMarkdown: string }) {
  return (
    <div className="rounded border-2 border-gray-300 p-5" data-testid={lang === 'cy' ? 'preview-cy' : 'preview-en'}>
      {label ? <h3 className="text-lg font-bold">{label}</h3> : null}
      <p className="text-sm text-ink-muted">Subject: <strong className="text-ink" lang={lang}>{subject}</strong></p>
      <div lang={lang} className="prose-campaign mt-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
        <Markdown source={bodyMarkdown} />
      </div>
      <p className="mt-4 border-t border-gray-300 pt-3 text-sm text-ink-muted">Every copy ends with a one-click unsubscribe link and a link to the privacy notice.</p>
    </div>
  )
}
