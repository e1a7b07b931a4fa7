import { requireCampaigner } from '~/admin/auth.server'
import { assertNotCrossSite } from '~/admin/csrf.server'
import { exportSources } from '~/admin/sources.server'
import type { Route } from './+types/admin-export-sources'

export async function loader({ request }: Route.LoaderArgs) {
  assertNotCrossSite(request)
  return exportSources(await requireCampaigner(request, { role: 'admin' }))
}
