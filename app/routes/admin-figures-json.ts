// Polled by the open dashboard: the same figures as the page, as JSON.
import { requireCampaigner } from '~/admin/auth.server'
import { dashboardFigures } from '~/admin/figures.server'
import type { Route } from './+types/admin-figures-json'

export async function loader({ request }: Route.LoaderArgs) {
  await requireCampaigner(request, { poll: true })
  return Response.json(await dashboardFigures(), { headers: { 'Cache-Control': 'no-store' } })
}
