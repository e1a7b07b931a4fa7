// The JSON copy of a supporter's data (the emailed link's token is the key).
import { exportMyData } from '~/retention/my-data.server'
import type { Route } from './+types/my-data-download'

export async function loader({ params }: Route.LoaderArgs) {
  const copy = await exportMyData(params.token)
  const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }
  if (!copy) return new Response('This link has expired or is not valid.', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(JSON.stringify(copy, null, 2), {
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': 'attachment; filename="my-duty-of-care-data.json"' },
  })
}
