import { Form, Link, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { importPreviewed, paperImport, revertPaperImport, type RowProblem } from '~/admin/paper-imports.server'
import { formText, readFormData } from '~/lib/form-data.server'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.paper-detail'

export const meta = ({ loaderData }: Route.MetaArgs) => [
  { title: `${loaderData?.view.state === 'previewed' ? 'Check before importing' : 'Paper import'} — campaign dashboard` },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const view = await paperImport(params.id)
  if (!view) throw data('There is no such import.', { status: 404 })
  return { view, done: new URL(request.url).searchParams.get('done') }
}

export async function action({ request, params }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const intent = formText(await readFormData(request), 'intent')
  if (intent === 'import') {
    const outcome = await importPreviewed(campaigner, params.id)
    if (outcome.status === 'refused') return data({ error: outcome.message }, { status: 400 })
    return redirect(`/admin/paper/${params.id}?done=imported`, 303)
  }
  if (intent === 'revert') {
    if (!(await revertPaperImport(campaigner, params.id))) return data({ error: 'That import has already been reverted.' }, { status: 400 })
    return redirect(`/admin/paper/${params.id}?done=reverted`, 303)
  }
  return data({ error: 'That request could not be read. Reload the page and try again.' }, { status: 400 })
}

const problemColumns: Column<RowProblem>[] = [
  { header: 'Row', cell: (p) => formatNumber(p.row), numeric: true, rowHeader: true },
  { header: 'Column', cell: (p) => p.column },
  { header: 'Problem', cell: (p) => p.problem },
]

const nationColumns: Column<{ nation: string; signatures: number }>[] = [
  { header: 'Nation', cell: (n) => n.nation, rowHeader: true },
  { header: 'Signatures', cell: (n) => formatNumber(n.signatures), numeric: true },
]

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`

export default function AdminPaperDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { view, done } = loaderData
  const problemRows = new Set(view.problems.map((p) => p.row)).size
  return (
    <>
      <p><Link to="/admin/paper">All paper and event files</Link></p>
      <h1 className="mt-2 text-3xl font-bold">{view.state === 'previewed' ? 'Check before importing' : view.state === 'imported' ? 'Imported' : 'Reverted'}: {view.fileName}</h1>
      {done ? (
        <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">
          {done === 'imported' ? `${plural(view.goodCount, 'signature', 'signatures')} imported.` : 'The import is undone: its signatures count nowhere.'} The change is in the audit log.
        </p>
      ) : null}
      {actionData?.error ? <p role="alert" className="mt-4 rounded border-4 border-warn p-3 font-semibold">{actionData.error}</p> : null}

      <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Uploaded</dt>
        <dd>{ukTime.dateTime.format(new Date(view.createdAt))} by {view.uploadedBy}</dd>
        <dt className="font-semibold">Events</dt>
        <dd>{view.events.join(', ') || '—'}</dd>
        <dt className="font-semibold">Rows in the file</dt>
        <dd>{formatNumber(view.rowCount)}</dd>
        <dt className="font-semibold">Good rows</dt>
        <dd>{formatNumber(view.goodCount)}</dd>
        <dt className="font-semibold">Rows with problems</dt>
        <dd>{formatNumber(problemRows)}</dd>
        {view.importedAt ? (<><dt className="font-semibold">Imported</dt><dd>{ukTime.dateTime.format(new Date(view.importedAt))}</dd></>) : null}
        {view.revertedAt ? (<><dt className="font-semibold">Reverted</dt><dd>{ukTime.dateTime.format(new Date(view.revertedAt))}</dd></>) : null}
      </dl>

      {view.state !== 'reverted' ? (
        <section aria-labelledby="good-rows" className="mt-6 max-w-3xl">
          <h2 id="good-rows" className="text-xl font-bold">
            {view.state === 'previewed' ? 'What “Import” adds' : 'What was imported'}: {plural(view.goodCount, 'signature', 'signatures')}
          </h2>
          <DataTable caption="Good rows by nation" columns={nationColumns} rows={view.byNation} rowKey={(n) => n.nation} empty="No row passed the checks, so there is nothing to import." className="mt-2" />
        </section>
      ) : null}

      <section aria-labelledby="problems" className="mt-6 max-w-3xl">
        <h2 id="problems" className="text-xl font-bold">Rows that will not be imported</h2>
        {view.problems.length ? <p className="mt-2">Fix them in your spreadsheet and upload those rows as a new file. A row can have more than one problem.</p> : null}
        <DataTable caption="Problems by row of the file" columns={problemColumns} rows={view.problems} rowKey={(p) => `${p.row}-${p.code}-${p.column}`} empty="Every row passed the checks." className="mt-2" />
      </section>

      {view.state === 'previewed' && !view.expired && view.goodCount > 0 ? (
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value="import" />
          <button type="submit" className="btn">Import {plural(view.goodCount, 'good row', 'good rows')}</button>
        </Form>
      ) : null}
      {view.expired ? <p className="mt-6">This preview is more than a day old and can no longer be imported: upload the file again.</p> : null}
      {view.state !== 'reverted' ? (
        <Form method="post" className="mt-6 max-w-3xl">
          <input type="hidden" name="intent" value="revert" />
          <p className="mb-2">
            {view.state === 'imported'
              ? 'Reverting deletes these signatures: they leave every count at once. Use it if the wrong file was imported.'
              : 'Discarding deletes this preview; nothing was imported.'}
          </p>
          <button type="submit" className="btn-secondary">{view.state === 'imported' ? 'Revert this import' : 'Discard this preview'}</button>
        </Form>
      ) : null}
    </>
  )
}
