import { RichText } from '~/components/rich-text'
import { privacyVersion } from '~/campaign/content'
import { retention } from '~/campaign/retention'
import { localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import { organisation } from '~/lib/organisation.server'
import type { Route } from './+types/privacy'

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.t.title ?? 'Privacy notice — Duty of Care campaign' }]

export function loader({ request }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  return { language, t: messagesFor(language).privacy, organisation: organisation() }
}

export default function Privacy({ loaderData }: Route.ComponentProps) {
  const { organisation, t, language } = loaderData
  // The facts, the same in every language: who runs the campaign, how to reach them, how long we keep what.
  const values = {
    name: organisation.name,
    charityNumber: organisation.charityNumber,
    address: organisation.address,
    privacyEmail: organisation.privacyEmail,
    url: organisation.url,
    unconfirmedDays: retention.unconfirmedDays,
    letterBodyDays: retention.letterBodyDays,
    afterCloseMonths: retention.afterCloseMonths,
    deliveryReportDays: retention.deliveryReportDays,
    version: privacyVersion,
  }
  const links = {
    mailto: `mailto:${organisation.privacyEmail}`,
    website: organisation.url,
    ico: 'https://ico.org.uk/make-a-complaint/',
    myData: localePath(language, '/my-data'),
    home: localePath(language, '/'),
  }
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

      {heading(t.whoHeading)}
      <p>{text(t.who)}</p>
      <p>{text(t.contact)}</p>

      {heading(t.whatHeading)}
      {list(t.what)}
      <p>{text(t.cookies)}</p>

      {heading(t.whyHeading)}
      {list(t.why)}
      <p>{text(t.lawfulBasis)}</p>

      {heading(t.keepHeading)}
      {list(t.keep)}

      {heading(t.whoSeesHeading)}
      {list(t.whoSees)}
      <p>{text(t.neverSell)}</p>

      {heading(t.rightsHeading)}
      <p>{text(t.rights)}</p>
      <p>{text(t.ico)}</p>
      <p className="mt-4">{text(t.myData)}</p>

      <p className="mt-8 text-sm text-ink-muted">{text(t.footer)}</p>
    </article>
  )
}
