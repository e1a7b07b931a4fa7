import { Link, useSearchParams } from 'react-router'
import { localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
import type { Route } from './+types/petition-signed'

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.t.title ?? 'Check your email — Duty of Care petition' }]

export function loader({ request }: Route.LoaderArgs) {
  const language = pageLanguage(request)
  return { language, t: messagesFor(language).signed }
}

export default function PetitionSigned({ loaderData }: Route.ComponentProps) {
  const { language, t } = loaderData
  const at = (path: string) => localePath(language, path)
  const [params] = useSearchParams()
  if (params.get('undeliverable') === '1') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t.undeliverableHeading}</h1>
        <p className="mt-4 text-lg">{t.undeliverableText}</p>
        <p className="mt-4">
          {t.undeliverableAgainBefore} <Link to={at('/#sign')}>{t.undeliverableAgainLink}</Link>.
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{t.heading}</h1>
        <p className="mt-2 text-lg">{t.text}</p>
      </div>
      <h2 className="mt-8 text-xl font-bold">{t.noEmail}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>{t.wait}</li>
        <li>{t.spam}</li>
        <li>
          {t.mistypedBefore} <Link to={at('/#sign')}>{t.mistypedLink}</Link> {t.mistypedAfter}
        </li>
      </ul>
      <p className="mt-8">
        {t.whileYouWait} <Link to={at('/write')}>{t.writeLink}</Link> {t.writeAfter}
      </p>
    </div>
  )
}
