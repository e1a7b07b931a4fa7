import { useState } from 'react'
import { useCanCopy } from '~/lib/use-can-copy'
import { requireCampaigner } from '~/admin/auth.server'
import { ErrorSummary } from '~/components/error-summary'
import { TextField, fieldState, problemsOf } from '~/components/text-field'
import { embedPage } from '~/embed/snippet-form.server'
import type { EmbedSnippet } from '~/embed/snippets'
import type { Route } from './+types/admin.embed'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.result?.error && Object.keys(loaderData.result.error).length ? 'Error: ' : ''}Embed on your site — campaign dashboard` },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request)
  return embedPage(new URL(request.url))
}

export default function AdminEmbed({ loaderData }: Route.ComponentProps) {
  const { result, partner, language, snippets } = loaderData
  const field = fieldState('embed', result, 'partner')
  const languageField = fieldState('embed', result, 'language')
  return (
    <>
      <h1 className="text-3xl font-bold">Embed on your site</h1>
      <p className="mt-2 max-w-3xl">
        Partners can put the petition on their own websites: copy one of these snippets into their page. Give each partner a code so that,
        later, the signatures they bring can be credited to them. The widget sets no cookies, and signing inside it works even where the
        browser blocks third-party cookies.
      </p>
      <form method="get" className="mt-6 max-w-xl" noValidate>
        <ErrorSummary problems={problemsOf([field, languageField])} />
        <TextField field={{ ...field, defaultValue: field.defaultValue ?? partner ?? undefined }} label="Partner code" hint="Letters, numbers, hyphens and underscores, up to 40 — for example nspcc-newsletter." required={false} />
        <fieldset className="mb-5" aria-describedby={languageField.error ? `${languageField.id}-error` : undefined}>
          <legend className="field-label">Language of the widget</legend>
          {languageField.error ? (
            <span id={`${languageField.id}-error`} className="field-error">
              <span className="sr-only">Error: </span>
              {languageField.error}
            </span>
          ) : null}
          <div className="mt-1 flex gap-6">
            <label className="flex items-center gap-2"><input type="radio" id={languageField.id} name="language" value="en" defaultChecked={language === 'en'} className="h-5 w-5" /> English</label>
            <label className="flex items-center gap-2" lang="cy"><input type="radio" name="language" value="cy" defaultChecked={language === 'cy'} className="h-5 w-5" /> Cymraeg</label>
          </div>
        </fieldset>
        <button type="submit" className="btn">Make the snippets</button>
      </form>
      {snippets.map((snippet) => (
        <Snippet key={snippet.id} snippet={snippet} />
      ))}
    </>
  )
}

function Snippet({ snippet }: { snippet: EmbedSnippet }) {
  const canCopy = useCanCopy()
  const [copied, setCopied] = useState(false)
  const codeId = `snippet-${snippet.id}`
  return (
    <section aria-labelledby={`${codeId}-title`} className="mt-10">
      <h2 id={`${codeId}-title`} className="text-2xl font-bold">{snippet.name}</h2>
      <label htmlFor={codeId} className="field-label mt-3">Code to copy</label>
      <textarea id={codeId} readOnly value={snippet.code} rows={3} className="input font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
      {canCopy ? (
        <p className="mt-2 flex items-center gap-3">
          <button
            type="button"
            className="btn-secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(snippet.code)
              setCopied(true)
            }}
          >
            Copy the code
          </button>
          <span role="status" className="text-sm">{copied ? 'Copied.' : ''}</span>
        </p>
      ) : null}
      <h3 className="mt-4 text-lg font-bold">Preview</h3>
      <iframe
        src={snippet.path}
        title={`Preview: ${snippet.title}`}
        width="100%"
        height={snippet.height}
        style={{ border: '1px dashed #767680', maxWidth: snippet.maxWidth }}
        className="mt-2"
      />
    </section>
  )
}
