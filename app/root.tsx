import { Link, Links, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useMatches, useRouteError, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import stylesheet from './app.css?url'
import { OrganisationFooter } from './campaign/organisation-footer'
import { organisation } from './lib/organisation.server'
import { env } from './lib/env.server'
import { useNonce } from './lib/nonce'
import { pageHandle } from './lib/page-handle'
import { ErrorMessage } from './lib/error-page'
import { PageMeta } from './lib/page-title'

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/** Who runs the campaign, for every page's footer (decision 094); whether this is `npm run demo` (decision 098). */
export function loader() {
  // Only what the footer shows: every byte here is sent again with each page for hydration.
  const { name, url, address, charityNumber, privacyEmail, logoUrl } = organisation()
  return { organisation: { name, url, address, charityNumber, privacyEmail, logoUrl }, demo: env().DEMO }
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce()
  const site = useRouteLoaderData<typeof loader>('root')
  const page = pageHandle(useMatches())
  // Only the server can leave scripts out: a page that arrived hydrated keeps them.
  const scripts = page.hydrate || typeof document !== 'undefined'
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        {site?.demo ? (
          // `npm run demo` (decision 098): nobody should mistake it for the live campaign.
          <p role="note" aria-label="Demo" className="bg-warn px-4 py-2 text-center font-semibold text-white">
            Demo: a demonstration with stand-in services. Postcodes and MPs are samples, and no email leaves this computer:{' '}
            <a href="/dev/mailbox" className="text-white underline hover:text-white">read them in the local mailbox</a>.
          </p>
        ) : null}
        {/* A framed widget (handle.bare) gets its content alone; every other page the site's frame. */}
        {page.bare ? <main id="main" className="flex-1">{children}</main> : <>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-focus focus:p-3 focus:text-ink">
          Skip to main content
        </a>
        {page.dashboard ? (
          // The dashboard's own frame (decision 097): its header and footer line up with its wider column.
          <header className="bg-brand-dark text-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
              <Link to="/admin" className="text-xl font-bold text-white no-underline hover:text-white">
                Duty of Care <span className="font-normal">· campaign dashboard</span>
              </Link>
              <Link to="/" className="text-white hover:text-white">View the public site</Link>
            </div>
          </header>
        ) : (
          <header className="bg-brand text-white">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
              <Link to="/" className="flex items-center gap-3 text-xl font-bold text-white no-underline hover:text-white">
                {site?.organisation.logoUrl ? <img src={site.organisation.logoUrl} alt={site.organisation.name} className="h-10 w-auto" /> : null}
                Duty of Care
              </Link>
              <nav aria-label="Main">
                <ul className="flex gap-5">
                  <li><Link to="/#sign" className="text-white hover:text-white">Sign the petition</Link></li>
                  <li><Link to="/write" className="text-white hover:text-white">Email your MP</Link></li>
                  <li><Link to="/map" reloadDocument className="text-white hover:text-white">Map</Link></li>
                  <li><Link to="/privacy" className="text-white hover:text-white">Privacy</Link></li>
                </ul>
              </nav>
            </div>
          </header>
        )}
        <main id="main" className="flex-1" tabIndex={-1}>
          {children}
        </main>
        {page.dashboard ? (
          <footer className="mt-12 border-t border-gray-300 bg-gray-50">
            <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-ink-muted">
              <p>Campaign dashboard{site ? ` of ${site.organisation.name}` : ''}. Supporters’ personal data: use it only for this campaign, and sign out on shared computers.</p>
            </div>
          </footer>
        ) : (
          <footer className="mt-12 border-t border-gray-300 bg-gray-50">
            <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-ink-muted">
              <p>
                Figures on this site come from the NSPCC, which obtained them through freedom of information requests to police forces.{' '}
                <Link to="/privacy">How we use your data</Link>.
              </p>
              {site ? <OrganisationFooter organisation={site.organisation} /> : null}
            </div>
          </footer>
        )}
        </>}
        {scripts ? <ScrollRestoration nonce={nonce} /> : null}
        {scripts ? <Scripts nonce={nonce} /> : null}
      </body>
    </html>
  )
}

/** The error page's title (a route's own meta gives every other page its title; this one is the fallback). */
export const meta: Route.MetaFunction = ({ error }) => [{ title: error === undefined ? 'Duty of Care campaign' : `${errorPage(error).heading} — Duty of Care` }]

function errorPage(error: unknown) {
  const notFound = isRouteErrorResponse(error) && error.status === 404
  const unavailable = isRouteErrorResponse(error) && error.status === 503
  // A 4xx thrown with a message (a bad form body, an abuse limit — decision 040) says what to do.
  // (Not React Router's own messages, e.g. a 405, which name routes and code.)
  const internal = isRouteErrorResponse(error) && (error as { internal?: boolean }).internal
  const badRequest = isRouteErrorResponse(error) && !notFound && error.status < 500
  const explained = badRequest && !internal && typeof error.data === 'string' ? error.data : badRequest ? 'Please go back and try again.' : undefined
  const tooMany = isRouteErrorResponse(error) && error.status === 429
  const heading = notFound ? 'Page not found' : tooMany ? 'Please try again later' : explained ? 'There is a problem with that request' : unavailable ? 'Sorry, we are very busy' : 'Sorry, something went wrong'
  const text = notFound
    ? 'Check the address, or go back to the campaign page.'
    : explained
      ? explained
      : unavailable
        ? 'We could not finish that just now. If you were signing the petition or writing to your MP, it has not been sent yet: please try again in a minute.'
        : 'Nothing you entered has been lost on our side. Please try again in a minute.'
  return { heading, text }
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const { heading, text } = errorPage(useRouteError())
  return <ErrorMessage heading={heading} paragraphs={[text]} />
}
