import { petitionJson } from '~/petition/public-counts.server'

export async function loader() {
  return Response.json(await petitionJson(), {
    headers: {
      'Access-Control-Allow-Origin': '*',
      // Lets a CDN absorb refresh storms; the figure is at most a few seconds old anyway.
      'Cache-Control': 'public, max-age=2, s-maxage=5, stale-while-revalidate=30',
    },
  })
}
