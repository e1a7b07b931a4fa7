import { requireCampaigner } from '~/admin/auth.server'
import { Dashboard } from '~/admin/dashboard'
import { dashboardFigures } from '~/admin/figures.server'
import type { Route } from './+types/admin._index'

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request)
  return { figures: await dashboardFigures() }
}

export default function AdminDashboard({ loaderData }: Route.ComponentProps) {
  return <Dashboard initial={loaderData.figures} />
}
