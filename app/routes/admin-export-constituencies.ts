import { requireCampaigner } from '~/admin/auth.server'
import { assertNotCrossSite } from '~/admin/csrf.server'
import { exportConstituencyCounts } from '~/admin/exports.server'
import type { Route } from './+types/admin-export-constituencies'

export async function loader({ request }: Route.LoaderArgs) {
  assertNotCrossSite(request)
  return exportConstituencyCounts(await requireCampaigner(request, { role: 'admin' }))
}
