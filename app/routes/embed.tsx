import { campaign } from '~/campaign/content'
import { partnerCode, withPartner } from '~/embed/partner'
import { env } from '~/lib/env.server'
import type { PageHandle } from '~/lib/page-handle'
import { formatNumber } from '~/lib/format'
import { signatureCount } from '~/petition/public-counts.server'
import type { Route } from './+types/embed'

// Framed on partners' sites (server/http.ts lets only /embed and /embed/sign be framed): HTML and CSS only, no cookies.
export const handle: PageHandle = { hydrate: false, bare: true }

export const meta = () => [{ title: 'Duty of Care petition — the count so far' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request }: Route.LoaderArgs) {
  const partner = partnerCode(new URL(request.url).searchParams.get('partner'))
  const { count } = await signatureCount()
  return { count, title: campaign.title, signUrl: `${env().APP_URL}${withPartner('/', partner)}#sign` }
}

export default function Embed({ loaderData }: Route.ComponentProps) {
  const { count, title, signUrl } = loaderData
  return (
    <div className="bg-brand p-5 text-white">
      <p className="text-sm font-bold uppercase tracking-wide">Duty of Care petition</p>
      <h1 className="mt-1 text-xl font-bold leading-tight">{title}</h1>
      <p className="mt-3">
        <strong className="block text-4xl font-extrabold" data-testid="signature-count">{formatNumber(count)}</strong>{' '}
        {count === 1 ? 'person has' : 'people have'} signed
      </p>
      <p className="mt-4">
        <a href={signUrl} target="_blank" rel="noopener" className="btn bg-white text-brand hover:bg-brand-light hover:text-brand-dark">
          Sign the petition<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
    </div>
  )
}
