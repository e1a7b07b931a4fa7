// The dashboard's frame: who is signed in, the dashboard's own navigation
// (add a page with one <li>; admin-only pages go in the admin block), sign-out.
import { Form, NavLink, Outlet, isRouteErrorResponse, useRouteError } from 'react-router'
import { requireCampaigner } from '~/admin/auth.server'
import type { PageHandle } from '~/lib/page-handle'
import type { Route } from './+types/admin'

export const handle: PageHandle = { dashboard: true }

export const meta = () => [{ title: 'Campaign dashboard — Duty of Care' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  return { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }
}

export async function loader({ request }: Route.LoaderArgs) {
  const campaigner = await requireCampaigner(request)
  return { campaigner: { email: campaigner.email, role: campaigner.role } }
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-3 py-2 font-semibold no-underline ${isActive ? 'bg-brand text-white hover:text-white' : 'text-brand hover:bg-brand-light'}`

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  const { campaigner } = loaderData
  const admin = campaigner.role === 'admin'
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 border-b-2 border-brand-light pb-3">
        <p className="text-sm text-ink-muted">
          Signed in as <strong className="text-ink">{campaigner.email}</strong> ({admin ? 'admin' : 'viewer: figures only'})
        </p>
        <Form method="post" action="/admin/sign-out">
          <button type="submit" className="btn-secondary">Sign out</button>
        </Form>
      </div>
      <nav aria-label="Dashboard" className="mb-6">
        <ul className="flex flex-wrap gap-2">
          <li><NavLink to="/admin" end className={linkClass}>Figures</NavLink></li>
          <li><NavLink to="/admin/constituencies" className={linkClass}>Constituencies</NavLink></li>
          <li><NavLink to="/admin/map" className={linkClass}>Map</NavLink></li>
          <li><NavLink to="/admin/sources" className={linkClass}>Sources</NavLink></li>
          <li><NavLink to="/admin/embed" className={linkClass}>Embed on your site</NavLink></li>
          {admin ? (
            <>
              <li><NavLink to="/admin/moderation" className={linkClass}>Moderation</NavLink></li>
              <li><NavLink to="/admin/paper" className={linkClass}>Paper signatures</NavLink></li>
              <li><NavLink to="/admin/exports" className={linkClass}>Exports</NavLink></li>
              <li><NavLink to="/admin/letter-template" className={linkClass}>Letter template</NavLink></li>
              <li><NavLink to="/admin/call-script" className={linkClass}>Call script</NavLink></li>
              <li><NavLink to="/admin/mps" className={linkClass}>MP targets</NavLink></li>
              <li><NavLink to="/admin/milestones" className={linkClass}>Milestones</NavLink></li>
              <li><NavLink to="/admin/updates" className={linkClass}>Updates</NavLink></li>
              <li><NavLink to="/admin/briefings" className={linkClass}>MP briefings</NavLink></li>
              <li><NavLink to="/admin/suppressions" className={linkClass}>Suppressed addresses</NavLink></li>
              <li><NavLink to="/admin/campaign" className={linkClass}>Closing the campaign</NavLink></li>
              <li><NavLink to="/admin/audit" className={linkClass}>Audit log</NavLink></li>
            </>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const forbidden = isRouteErrorResponse(error) && error.status === 403
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">
        {forbidden ? 'You cannot open this page' : notFound ? 'Page not found' : 'Sorry, something went wrong'}
      </h1>
      <p className="mt-4">
        {forbidden
          ? typeof error.data === 'string' ? error.data : 'Your account does not have access to this page.'
          : 'Try again, or go back to the dashboard.'}
      </p>
      <p className="mt-4"><a href="/admin">Back to the dashboard</a></p>
    </div>
  )
}
