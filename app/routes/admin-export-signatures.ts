import { requireCampaigner } from '~/admin/auth.server'
import { assertNotCrossSite } from '~/admin/csrf.server'
import { exportConfirmedSignatures } from '~/admin/exports.server'
import type { Route } from './+types/admin-export-signatures'

export async function loader({ request }: Route.LoaderArgs) {
  assertNotCrossSite(request)
  return exportConfirmedSignatures(await requireCampaigner(request, { role: 'admin' }))
}
