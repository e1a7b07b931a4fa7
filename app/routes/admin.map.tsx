import { requireCampaigner } from '~/admin/auth.server'
import { dashboardMap, mapMeasure } from '~/map/dashboard-map.server'
import { SupportMapPanel } from '~/map/support-map-panel'
import type { Route } from './+types/admin.map'

export const meta = () => [{ title: 'Map of support — campaign dashboard' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request)
  return { map: await dashboardMap(mapMeasure(new URL(request.url))) }
}

export default function AdminMap({ loaderData }: Route.ComponentProps) {
  return <SupportMapPanel {...loaderData.map} />
}
