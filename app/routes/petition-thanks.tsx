import { Link, useSearchParams } from 'react-router'
import { env } from '~/lib/env.server'
import { formatNumber } from '~/lib/format'
import { referralLinkFor } from '~/petition/referral.server'
import { signatureCount } from '~/petition/public-counts.server'
import { campaignShareCard } from '~/share/og-image.server'
import { ShareButtons } from '~/share/share-buttons'
import { shareMeta } from '~/share/share-meta'
import type { Route } from './+types/petition-thanks'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: 'Thank you for signing — Duty of Care petition' },
  ...shareMeta(loaderData?.share),
]

// The signer who has just confirmed sees their own link (the supporter cookie the confirm button set):
// never a copy kept by a shared cache.
export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request }: Route.LoaderArgs) {
  const [{ count }, referral] = await Promise.all([signatureCount(), referralLinkFor(request)])
  return { shareUrl: referral?.url ?? `${env().APP_URL}/`, signedThrough: referral ? referral.signedThrough : null, share: campaignShareCard(count) }
}

function signedThroughSentence(n: number) {
  if (n === 0) return 'Nobody has signed through your link yet. Share it and watch this number grow.'
  return `${formatNumber(n)} ${n === 1 ? 'person has' : 'people have'} signed through your link. Thank you for spreading the word.`
}

export default function PetitionThanks({ loaderData }: Route.ComponentProps) {
  const [params] = useSearchParams()
  const again = params.get('again') === '1'
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{again ? 'You have already confirmed your signature' : 'Thank you — your signature is confirmed'}</h1>
        <p className="mt-2 text-lg">{again ? 'It is counted once, and that is all it needs.' : 'You are now part of the count. It updates within a few seconds.'}</p>
      </div>
      <h2 className="mt-10 text-2xl font-bold">Now email your MP</h2>
      <p className="mt-2">Your MP votes on this law. It takes five minutes, and we have filled in your details.</p>
      <p className="mt-4">
        <Link to="/write" className="btn">Email your MP</Link>
      </p>
      <h2 className="mt-10 text-2xl font-bold">Ask others to sign</h2>
      <p className="mb-4 mt-2">Every share brings more signatures. Send it to people who care about children’s safety.</p>
      {loaderData.signedThrough === null ? null : (
        <p className="mb-4 font-semibold" data-testid="signed-through">
          This link is yours: {signedThroughSentence(loaderData.signedThrough)}
        </p>
      )}
      <ShareButtons url={loaderData.shareUrl} />
      <p className="mt-8">
        <a href="/map">See how many people have signed in each constituency</a>
      </p>
    </div>
  )
}
