import { sharedJsonResponse } from '~/lib/encoded-json.server'
import { PETITION_JSON_HEADERS, petitionJson } from '~/petition/public-counts.server'
import type { Route } from './+types/petition-json'

export async function loader({ request }: Route.LoaderArgs) {
  // Serialised and compressed once per cached figure, not per request; ETag for cheap revalidation.
  // GET and HEAD usually get the same answer earlier, from server/fast-paths.ts (decision 082).
  return sharedJsonResponse(request, await petitionJson(), PETITION_JSON_HEADERS)
}
