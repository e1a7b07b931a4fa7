import { requireCampaigner } from '~/admin/auth.server'
import { Dashboard } from '~/admin/dashboard'
import { dashboardFigures } from '~/admin/figures.server'
import { dashboardMap, mapMeasure } from '~/map/dashboard-map.server'
import { SupportMapPanel } from '~/map/support-map-panel'
import type { Route } from './+types/admin._index'

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request)
  const [figures, map] = await Promise.all([dashboardFigures(), dashboardMap(mapMeasure(new URL(request.url)))])
  return { figures, map }
}

export default function AdminDashboard({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <Dashboard initial={loaderData.figures} />
      <SupportMapPanel {...loaderData.map} />
    </>
  )
}
