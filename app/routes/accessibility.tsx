import { RichText } from '~/components/rich-text'
import { localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import { organisation } from '~/lib/organisation.server'
import type { Route } from './+types/accessibility'

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.t.title ?? 'Accessibility statement — Duty of Care campaign' }]

// When this statement was last reviewed against the site (a statement must say when it was prepared): the
// catalogue's `accessibility.reviewed`, written as each language writes a date.

export function loader({ request }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  return { language, t: messagesFor(language).accessibility, organisation: organisation() }
}

export default function Accessibility({ loaderData }: Route.ComponentProps) {
  const { organisation, t, language } = loaderData
  const values = { name: organisation.name, address: organisation.address, privacyEmail: organisation.privacyEmail, reviewed: t.reviewed }
  const links = { mailto: `mailto:${organisation.privacyEmail}`, eass: 'https://www.equalityadvisoryservice.com/', home: localePath(language, '/') }
  const text = (message: string) => <RichText message={message} values={values} links={links} />
  const list = (items: string[]) => (
    <ul className="mb-4 list-disc pl-6">
      {items.map((item) => (
        <li key={item}>{text(item)}</li>
      ))}
    </ul>
  )
  const heading = (words: string) => <h2 className="mb-3 mt-8 text-2xl font-bold">{words}</h2>
  return (
    <article className="prose-campaign mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-bold">{t.heading}</h1>
      <p>{text(t.intro)}</p>
      {list(t.able)}

      {heading(t.howHeading)}
      <p>{text(t.how)}</p>

      {heading(t.testedHeading)}
      {list(t.tested)}

      {heading(t.issuesHeading)}
      {list(t.issues)}

      {heading(t.problemHeading)}
      <p>{text(t.problem)}</p>

      {heading(t.enforcementHeading)}
      <p>{text(t.enforcement)}</p>

      <p className="mt-8 text-sm text-ink-muted">{text(t.footer)}</p>
    </article>
  )
}
