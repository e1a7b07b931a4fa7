import { data } from 'react-router'
import { env } from '~/lib/env.server'
import { describeCount } from '~/map/hex-map'
import { seatPage } from '~/map/support.server'
import { formatNumber, ordinal } from '~/lib/format'
import { seatShareCard } from '~/share/og-image.server'
import { ShareButtons } from '~/share/share-buttons'
import { shareMeta } from '~/share/share-meta'
import type { Route } from './+types/map-seat'

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        { title: `${loaderData.seat.name}: ${describeCount(loaderData.seat.signatures, 'signatures')} — Duty of Care petition` },
        { name: 'description', content: loaderData.share.description },
        ...shareMeta(loaderData.share),
      ]
    : [{ title: 'Page not found — Duty of Care petition' }]

export async function loader({ params }: Route.LoaderArgs) {
  const page = await seatPage(params.onsCode)
  if (!page) throw data('No constituency has that code.', { status: 404 })
  return { ...page, share: seatShareCard(page.seat), shareUrl: `${env().APP_URL}/map/${page.seat.onsCode}` }
}

function shareMessage(seat: { name: string; signatures: number }) {
  const ask = 'for a legal Duty of Care on tech firms, to keep children safe online'
  return seat.signatures
    ? `${formatNumber(seat.signatures)} ${seat.signatures === 1 ? 'person' : 'people'} in ${seat.name} ${seat.signatures === 1 ? 'has' : 'have'} signed the petition ${ask}. Will you sign too?`
    : `Be the first in ${seat.name} to sign the petition ${ask}.`
}

export default function SeatPage({ loaderData }: Route.ComponentProps) {
  const { seat, mp, calls, signatureCount, shareUrl } = loaderData
  const to = mp ? mp.name : 'this seat’s MP'
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p>
        <a href="/map">All constituencies</a>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{seat.name}</h1>
      <p className="text-ink-muted">UK Parliament constituency in {seat.nation} ({seat.onsCode})</p>

      <div className="mt-6 rounded-lg bg-brand p-6 text-white">
        {seat.signatures ? (
          <>
            <p className="text-lg">
              <strong className="block text-5xl font-extrabold" data-testid="seat-count">{formatNumber(seat.signatures)}</strong>{' '}
              {seat.signatures === 1 ? 'person here has' : 'people here have'} signed the petition
            </p>
            <p className="mt-2">
              {seat.tied ? 'Joint ' : ''}
              {ordinal(seat.rank)} of the 650 constituencies, out of {formatNumber(signatureCount)} signatures across the UK.
            </p>
          </>
        ) : (
          <p className="text-lg">
            <strong className="block text-3xl font-extrabold" data-testid="seat-count">No one here has signed yet</strong> Be the first of{' '}
            {formatNumber(signatureCount)} across the UK.
          </p>
        )}
      </div>

      <h2 className="mt-8 text-2xl font-bold">MP</h2>
      {mp ? (
        <p className="mt-2">
          <strong>{mp.name}</strong> ({mp.party}) — <a href={mp.profileUrl}>their page on the UK Parliament website</a>
        </p>
      ) : (
        <p className="mt-2">We have no MP listed for {seat.name}. The seat may be vacant, or our list of MPs has not caught up yet.</p>
      )}
      <p className="mt-2">
        {seat.letters ? `${formatNumber(seat.letters)} ${seat.letters === 1 ? 'letter has' : 'letters have'}` : 'No letters have'} been sent to{' '}
        {to} through this campaign.
        {calls ? ` ${formatNumber(calls)} ${calls === 1 ? 'supporter has' : 'supporters have'} called ${mp ? 'their office' : 'the MP’s office'}.` : ''}
      </p>

      <div className="mt-6 flex flex-wrap gap-4">
        <a href="/write" className="btn">Email your MP</a>
        <a href="/#sign" className="btn-secondary">Sign the petition</a>
      </div>

      <h2 className="mt-10 text-2xl font-bold">Share {seat.name}’s support</h2>
      <p className="mb-4 mt-2">Ask people near you to add their name.</p>
      <ShareButtons url={shareUrl} message={shareMessage(seat)} />
    </div>
  )
}
