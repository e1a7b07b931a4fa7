import { Link, useSearchParams } from 'react-router'
import { env } from '~/lib/env.server'
import { signatureCount } from '~/petition/public-counts.server'
import { campaignShareCard } from '~/share/og-image.server'
import { ShareButtons } from '~/share/share-buttons'
import { shareMeta } from '~/share/share-meta'
import type { Route } from './+types/petition-thanks'

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: 'Thank you for signing — Duty of Care petition' },
  ...shareMeta(loaderData?.share),
]

export async function loader() {
  const { count } = await signatureCount()
  return { shareUrl: `${env().APP_URL}/`, share: campaignShareCard(count) }
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
      <ShareButtons url={loaderData.shareUrl} />
      <p className="mt-8">
        <a href="/map">See how many people have signed in each constituency</a>
      </p>
    </div>
  )
}
