import { Link, useSearchParams } from 'react-router'
import { HelpLinesPanel } from '~/campaign/help-lines'
import { helpLines } from '~/campaign/help-lines.server'
import { localePath } from '~/i18n/language'
import { writeLocale } from '~/letters/locale.server'
import type { Route } from './+types/write-sent'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [{ title: data?.t.title ?? 'Your letter is on its way — Duty of Care campaign' }]

/** Where to get help (decision 111), in the page's language. */
export async function loader({ request }: Route.LoaderArgs) {
  const { language, t } = writeLocale(request)
  return { help: await helpLines(language), language, t: t.sent }
}

export default function WriteSent({ loaderData }: Route.ComponentProps) {
  const { language, t } = loaderData
  const [params] = useSearchParams()
  const again = params.get('again') === '1'
  const friends = (
    <>
      <Link to={localePath(language, '/write')}>{t.writeLink}</Link> {t.tooAnd} <Link to={localePath(language, '/#sign')}>{t.signLink}</Link>.
    </>
  )
  if (params.get('held') === '1') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div className="rounded-lg bg-accent p-6 text-white">
          <h1 className="text-3xl font-bold">{t.heldHeading}</h1>
          <p className="mt-2 text-lg">{t.heldText}</p>
        </div>
        <p className="mt-8">
          {t.meanwhile} {friends}
        </p>
        <HelpLinesPanel help={loaderData.help} />
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{again ? t.againHeading : t.heading}</h1>
        <p className="mt-2 text-lg">{again ? t.againText : t.text}</p>
      </div>
      <h2 className="mt-10 text-2xl font-bold">{t.nextHeading}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>{t.nextReply}</li>
        <li>
          {t.askFriends} {friends}
        </li>
      </ul>
      <HelpLinesPanel help={loaderData.help} />
    </div>
  )
}
