// The language switch ("Cymraeg" / "English" in every public page's header, decision 110): remembers the
// choice in a cookie and goes on to the same page in that language. A plain link, so it works without JavaScript.
import { redirect } from 'react-router'
import { isLanguage, languageFromPath, localePath } from '~/i18n/language'
import { languageCookie } from '~/i18n/resolve.server'
import type { Route } from './+types/language'

/** A path on this site (never //elsewhere or a scheme), of a sane length; anything else goes to the home page. */
function safeNext(next: string | null, language: 'en' | 'cy') {
  const home = localePath(language, '/')
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home
  // The next page must be in the chosen language, or the switch would seem to do nothing.
  return languageFromPath(new URL(next, 'http://site').pathname) === language ? next : home
}

export async function loader({ params, request }: Route.LoaderArgs) {
  if (!isLanguage(params.language)) throw new Response('Not found', { status: 404 })
  const next = safeNext(new URL(request.url).searchParams.get('next'), params.language)
  return redirect(next, { headers: { 'Set-Cookie': await languageCookie.serialize(params.language), 'Cache-Control': 'private, no-store' } })
}
