import { Form, Link, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { MAX_FILE_BYTES, MAX_ROWS } from '~/admin/paper-limits'
import { paperImports, previewPaperImport } from '~/admin/paper-imports.server'
import { ErrorSummary } from '~/components/error-summary'
import { readFormData } from '~/lib/form-data.server'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.paper'

export const meta = () => [{ title: 'Paper and event signatures — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

const FILE_FIELD = 'file'

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  return paperImports()
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  // The file's own cap is checked by the domain (with a clear message); this only bounds the read.
  const formData = await readFormData(request, { maxChars: { [FILE_FIELD]: MAX_FILE_BYTES * 2 }, maxFields: 5 })
  const file = formData.get(FILE_FIELD)
  if (!(file instanceof File) || (file.size === 0 && !file.name)) {
    return data({ error: 'Choose a CSV file to upload' }, { status: 400 })
  }
  const outcome = await previewPaperImport(campaigner, file)
  if (outcome.status === 'refused') return data({ error: outcome.message }, { status: 400 })
  return redirect(`/admin/paper/${outcome.importId}`, 303)
}

const states: Record<string, string> = { previewed: 'Preview, not imported', imported: 'Imported', reverted: 'Reverted or discarded' }

type ImportRow = Route.ComponentProps['loaderData']['rows'][number]
const columns: Column<ImportRow>[] = [
  { header: 'File', cell: (r) => <Link to={`/admin/paper/${r.id}`}>{r.fileName}</Link>, rowHeader: true, className: 'break-all' },
  { header: 'Events', cell: (r) => r.events || '—' },
  { header: 'Uploaded', cell: (r) => `${ukTime.dateTime.format(new Date(r.createdAt))} by ${r.uploadedBy}` },
  { header: 'Good rows', cell: (r) => formatNumber(r.goodCount), numeric: true },
  { header: 'Rows with problems', cell: (r) => formatNumber(r.problemCount), numeric: true },
  { header: 'State', cell: (r) => states[r.state] ?? r.state },
]

export default function AdminPaper({ loaderData, actionData }: Route.ComponentProps) {
  const error = actionData?.error
  const fileId = 'paper-file'
  return (
    <>
      <h1 className="text-3xl font-bold">Paper and event signatures</h1>
      <p className="mt-2 max-w-3xl">
        Type up signatures collected on paper or at events in a spreadsheet and upload it as CSV. Nothing is stored as a signature
        until you have seen the preview and pressed “Import”. Paper signatures are counted apart from online ones (which are confirmed
        by email); whether they are added to the public total is set on <Link to="/admin/campaign">Closing the campaign</Link>.
        Nobody on the list is emailed because of the import.
      </p>
      <p className="mt-2">In force now: <strong>{formatNumber(loaderData.imported)}</strong> paper signatures.</p>

      <section aria-labelledby="upload" className="mt-6 max-w-3xl">
        <h2 id="upload" className="text-xl font-bold">Upload a file</h2>
        <p className="mt-2">
          The first row names the columns: <strong>Full name</strong>, <strong>Postcode</strong>, <strong>Email</strong> (optional),{' '}
          <strong>Consent</strong> (optional: yes if they ticked “keep me updated”), <strong>Date</strong> (like 2026-11-28 or
          28/11/2026) and <strong>Event</strong>. Up to {formatNumber(MAX_ROWS)} rows and {MAX_FILE_BYTES / 1024 / 1024} MB a file; save
          from your spreadsheet as “CSV UTF-8”.
        </p>
        <Form method="post" encType="multipart/form-data" noValidate className="mt-4">
          <ErrorSummary problems={error ? [{ id: fileId, message: error }] : []} />
          <div className="mb-5">
            <label htmlFor={fileId} className="field-label">CSV file</label>
            {error ? (
              <span id={`${fileId}-error`} className="field-error">
                <span className="sr-only">Error: </span>
                {error}
              </span>
            ) : null}
            <input
              id={fileId}
              name={FILE_FIELD}
              type="file"
              accept=".csv,text/csv"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fileId}-error` : undefined}
              className="block"
            />
          </div>
          <button type="submit" className="btn">Check the file</button>
        </Form>
      </section>

      <section aria-labelledby="imports" className="mt-8">
        <h2 id="imports" className="text-xl font-bold">Files uploaded</h2>
        <DataTable caption="Paper and event files uploaded, newest first" columns={columns} rows={loaderData.rows} rowKey={(r) => r.id} empty="No file has been uploaded yet." scroll />
      </section>
    </>
  )
}
