// GET /metrics (Prometheus text), only with Authorization: Bearer $METRICS_TOKEN.
import { metricsResponse } from '~/operations/metrics.server'
import type { Route } from './+types/metrics'

export function loader({ request }: Route.LoaderArgs) {
  return metricsResponse(request)
}
