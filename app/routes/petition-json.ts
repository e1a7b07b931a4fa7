import { sharedJsonResponse } from '~/lib/encoded-json.server'
import { petitionJson } from '~/petition/public-counts.server'
import type { Route } from './+types/petition-json'

export async function loader({ request }: Route.LoaderArgs) {
  // Serialised and gzipped once per cached figure, not per request; ETag for cheap revalidation.
  return sharedJsonResponse(request, await petitionJson(), {
    'Access-Control-Allow-Origin': '*',
    // Lets a CDN absorb refresh storms; the figure is at most a few seconds old anyway.
    'Cache-Control': 'public, max-age=2, s-maxage=5, stale-while-revalidate=30',
  })
}
