import { Link } from 'react-router'
import { retention } from '~/campaign/retention'
import { fill, localePath } from '~/i18n/language'
import { writeLocale } from '~/letters/locale.server'
import type { Route } from './+types/write-check-email'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [{ title: data?.t.title ?? 'Check your email — Email your MP — Duty of Care campaign' }]

export function loader({ request }: Route.LoaderArgs) {
  const { language, t } = writeLocale(request)
  return { language, t: t.checkEmail }
}

export default function WriteCheckEmail({ loaderData }: Route.ComponentProps) {
  const { language, t } = loaderData
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{t.heading}</h1>
        <p className="mt-2 text-lg">{t.text}</p>
      </div>
      <h2 className="mt-8 text-xl font-bold">{t.noEmail}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>{t.wait}</li>
        <li>{fill(t.linkDays, { days: retention.letterLinkDays })}</li>
        <li>
          {t.mistypedBefore} <Link to={localePath(language, '/write')}>{t.mistypedLink}</Link> {t.mistypedAfter}
        </li>
      </ul>
      <p className="mt-8">
        {t.whileBefore} <Link to={localePath(language, '/#sign')}>{t.whileLink}</Link>
        {t.whileAfter}
      </p>
    </div>
  )
}
