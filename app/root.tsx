import { Link, Links, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useMatches, useRouteError, useRouteLoaderData, type ShouldRevalidateFunctionArgs } from 'react-router'
import type { Route } from './+types/root'
import { englishPath, languageFromPath, localePath, otherLanguagePath } from './i18n/language'
import { messagesFor } from './i18n/messages.server'
import { pageLanguage } from './i18n/resolve.server'
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
export function loader({ request }: Route.LoaderArgs) {
  // Only what the footer shows: every byte here is sent again with each page for hydration.
  const { name, url, address, charityNumber, privacyEmail, logoUrl } = organisation()
  // The frame's words in the page's language (decision 110): the catalogue stays on the server.
  const language = pageLanguage(request)
  return { organisation: { name, url, address, charityNumber, privacyEmail, logoUrl }, demo: env().DEMO, language, chrome: messagesFor(language).chrome, appUrl: env().APP_URL }
}

/** The frame's words are per language: fetch them again when a navigation crosses from one to the other. */
export function shouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return languageFromPath(currentUrl.pathname) !== languageFromPath(nextUrl.pathname) || defaultShouldRevalidate
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce()
  const site = useRouteLoaderData<typeof loader>('root')
  const page = pageHandle(useMatches())
  // Only the server can leave scripts out: a page that arrived hydrated keeps them.
  const scripts = page.hydrate || typeof document !== 'undefined'
  const location = useLocation()
  const language = languageFromPath(location.pathname)
  const chrome = site?.chrome
  const at = (path: string) => localePath(language, path)
  // Every public page has a Welsh twin under /cy (decision 110); the dashboard and a framed widget do not.
  const twinned = !page.dashboard && !page.bare && site
  return (
    <html lang={language === 'cy' ? 'cy' : 'en-GB'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        <Links />
        {twinned ? (
          <>
            <link rel="alternate" hrefLang="en" href={`${site.appUrl}${englishPath(location.pathname)}`} />
            <link rel="alternate" hrefLang="cy" href={`${site.appUrl}${localePath('cy', englishPath(location.pathname))}`} />
            <link rel="alternate" hrefLang="x-default" href={`${site.appUrl}${englishPath(location.pathname)}`} />
          </>
        ) : null}
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
          {chrome?.skipLink ?? 'Skip to main content'}
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
              <Link to={at('/')} className="flex items-center gap-3 text-xl font-bold text-white no-underline hover:text-white">
                {site?.organisation.logoUrl ? <img src={site.organisation.logoUrl} alt={site.organisation.name} className="h-10 w-auto" /> : null}
                {chrome?.siteName ?? 'Duty of Care'}
              </Link>
              <nav aria-label={chrome?.mainNav ?? 'Main'}>
                <ul className="flex flex-wrap gap-5">
                  <li><Link to={at('/#sign')} className="text-white hover:text-white">{chrome?.navSign ?? 'Sign the petition'}</Link></li>
                  <li><Link to={at('/write')} className="text-white hover:text-white">{chrome?.navWrite ?? 'Email your MP'}</Link></li>
                  <li><Link to={at('/map')} reloadDocument className="text-white hover:text-white">{chrome?.navMap ?? 'Map'}</Link></li>
                  <li><Link to={at('/privacy')} className="text-white hover:text-white">{chrome?.navPrivacy ?? 'Privacy'}</Link></li>
                  {chrome ? (
                    <li>
                      {/* The switch (decision 110): a plain link through /language, which remembers the choice in a cookie. */}
                      <a
                        href={`/language/${language === 'cy' ? 'en' : 'cy'}?next=${encodeURIComponent(otherLanguagePath(location.pathname, language) + location.search)}`}
                        lang={language === 'cy' ? 'en' : 'cy'}
                        hrefLang={language === 'cy' ? 'en' : 'cy'}
                        aria-label={chrome.switchLabel}
                        className="font-semibold text-white hover:text-white"
                      >
                        {chrome.switchTo}
                      </a>
                    </li>
                  ) : null}
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
              {chrome ? (
                <p>
                  {chrome.footerFigures} <Link to={at('/privacy')}>{chrome.footerPrivacy}</Link>.
                </p>
              ) : null}
              {site ? <OrganisationFooter organisation={site.organisation} words={site.chrome} language={language} /> : null}
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
export const meta: Route.MetaFunction = ({ error, loaderData }) => {
  const chrome = loaderData?.chrome ?? messagesFallback
  return [{ title: error === undefined ? chrome.defaultTitle : `${errorPage(error, chrome).heading} — ${chrome.siteName}` }]
}

type ChromeWords = Route.ComponentProps['loaderData']['chrome']

/** The English frame, for an error page whose root loader itself failed (no words came from the server). */
const messagesFallback = {
  siteName: 'Duty of Care',
  defaultTitle: 'Duty of Care campaign',
  notFoundHeading: 'Page not found',
  notFoundText: 'Check the address, or go back to the campaign page.',
  tooManyHeading: 'Please try again later',
  badRequestHeading: 'There is a problem with that request',
  badRequestText: 'Please go back and try again.',
  busyHeading: 'Sorry, we are very busy',
  busyText: 'We could not finish that just now. If you were signing the petition or writing to your MP, it has not been sent yet: please try again in a minute.',
  brokenHeading: 'Sorry, something went wrong',
  brokenText: 'Nothing you entered has been lost on our side. Please try again in a minute.',
} satisfies Partial<ChromeWords>

function errorPage(error: unknown, chrome: typeof messagesFallback) {
  const notFound = isRouteErrorResponse(error) && error.status === 404
  const unavailable = isRouteErrorResponse(error) && error.status === 503
  // A 4xx thrown with a message (a bad form body, an abuse limit — decision 040) says what to do.
  // (Not React Router's own messages, e.g. a 405, which name routes and code.)
  const internal = isRouteErrorResponse(error) && (error as { internal?: boolean }).internal
  const badRequest = isRouteErrorResponse(error) && !notFound && error.status < 500
  const explained = badRequest && !internal && typeof error.data === 'string' ? error.data : badRequest ? chrome.badRequestText : undefined
  const tooMany = isRouteErrorResponse(error) && error.status === 429
  const heading = notFound ? chrome.notFoundHeading : tooMany ? chrome.tooManyHeading : explained ? chrome.badRequestHeading : unavailable ? chrome.busyHeading : chrome.brokenHeading
  const text = notFound ? chrome.notFoundText : explained ? explained : unavailable ? chrome.busyText : chrome.brokenText
  return { heading, text }
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const site = useRouteLoaderData<typeof loader>('root')
  const { heading, text } = errorPage(useRouteError(), site?.chrome ?? messagesFallback)
  return <ErrorMessage heading={heading} paragraphs={[text]} />
}
