import { requireCampaigner } from '~/admin/auth.server'
import { assertNotCrossSite } from '~/admin/csrf.server'
import { exportLettersPerMp } from '~/admin/exports.server'
import type { Route } from './+types/admin-export-letters-per-mp'

export async function loader({ request }: Route.LoaderArgs) {
  assertNotCrossSite(request)
  return exportLettersPerMp(await requireCampaigner(request, { role: 'admin' }))
}
