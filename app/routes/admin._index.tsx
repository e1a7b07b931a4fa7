import { requireCampaigner } from '~/admin/auth.server'
import { Dashboard } from '~/admin/dashboard'
import { dashboardFigures } from '~/admin/figures.server'
import { systemStatus } from '~/operations/status.server'
import { SystemStatus } from '~/operations/system-status'
import type { Route } from './+types/admin._index'

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request)
  const [figures, status] = await Promise.all([dashboardFigures(), systemStatus()])
  return { figures, status }
}

export default function AdminDashboard({ loaderData }: Route.ComponentProps) {
  return <Dashboard initial={loaderData.figures} status={<SystemStatus lines={loaderData.status} />} />
}
