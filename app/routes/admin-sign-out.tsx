import { redirect } from 'react-router'
import { audit } from '~/admin/audit.server'
import { assertSameOrigin } from '~/admin/csrf.server'
import { currentCampaigner, endSession } from '~/admin/session.server'
import type { Route } from './+types/admin-sign-out'

export async function loader() {
  throw redirect('/admin')
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request)
  const campaigner = await currentCampaigner(request)
  const setCookie = await endSession(request)
  if (campaigner) await audit(campaigner.id, 'campaigner.sign-out', {})
  return redirect('/admin/sign-in?signedOut=1', { headers: { 'Set-Cookie': setCookie } })
}
