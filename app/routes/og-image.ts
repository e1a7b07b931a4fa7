import { data } from 'react-router'
import { ogImage, ogImageResponse, parseOgImageName } from '~/share/og-image.server'
import type { Route } from './+types/og-image'

export async function loader({ request, params }: Route.LoaderArgs) {
  const variant = parseOgImageName(params.image)
  const image = variant ? await ogImage(variant) : null
  if (!image) throw data('No such image.', { status: 404 })
  return ogImageResponse(request, image)
}
