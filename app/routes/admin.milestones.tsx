import { parseWithZod } from '@conform-to/zod'
import { Form, data, redirect } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import { milestones, milestonesSchema, saveMilestones } from '~/admin/campaign.server'
import { TextArea } from '~/components/text-area'
import { ErrorSummary } from '~/components/error-summary'
import { fieldState, problemsOf } from '~/components/text-field'
import { readFormData } from '~/lib/form-data.server'
import { formatNumber, ukTime } from '~/lib/format'
import { type Column, DataTable } from '~/lib/ui/data-table'
import type { Route } from './+types/admin.milestones'

export const meta = () => [{ title: 'Milestones — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { role: 'admin' })
  const list = await milestones()
  return {
    list: list.map((m) => ({ threshold: m.threshold, reachedAt: m.reachedAt?.toISOString() ?? null })),
    saved: new URL(request.url).searchParams.get('saved') === '1',
  }
}

export async function action({ request }: Route.ActionArgs) {
  const campaigner = await requireCampaigner(request, { role: 'admin' })
  const submission = parseWithZod(await readFormData(request), { schema: milestonesSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await saveMilestones(campaigner, submission.value.thresholds)
  return redirect('/admin/milestones?saved=1', 303)
}

const when = ukTime.dateTime

type Milestone = Route.ComponentProps['loaderData']['list'][number]
const columns: Column<Milestone>[] = [
  { header: 'Milestone', numeric: true, cell: (m) => formatNumber(m.threshold) },
  { header: 'Reached', cell: (m) => (m.reachedAt ? when.format(new Date(m.reachedAt)) : 'Not yet') },
]

export default function AdminMilestones({ loaderData, actionData }: Route.ComponentProps) {
  const field = fieldState('milestones', actionData?.result, 'thresholds')
  const thresholds = { ...field, defaultValue: field.defaultValue ?? loaderData.list.map((m) => m.threshold).join('\n') }
  return (
    <>
      <h1 className="text-3xl font-bold">Milestones</h1>
      <p className="mt-2 max-w-3xl">The campaign page shows the count against the next milestone. Each is marked reached when the count passes it.</p>
      {loaderData.saved ? <p role="status" className="mt-4 rounded bg-brand-light p-3 font-semibold">Saved. The change is in the audit log.</p> : null}
      <div className="mt-4">
        <DataTable
          caption="Milestones and when each was reached"
          className=""
          columns={columns}
          rows={loaderData.list}
          rowKey={(m) => m.threshold}
          empty="No milestones are set: add some below."
        />
      </div>
      <Form method="post" noValidate className="mt-8 max-w-md">
        <ErrorSummary problems={problemsOf([thresholds])} />
        <TextArea monospace field={thresholds} label="Milestones" hint="One number per line, like 100000." rows={8} />
        <button type="submit" className="btn">Save milestones</button>
      </Form>
    </>
  )
}
