import { data } from 'react-router'
import { fill, localePath } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { pageLanguage } from '~/i18n/resolve.server'
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
    ? [{ title: loaderData.title }, { name: 'description', content: loaderData.share.description }, ...shareMeta(loaderData.share)]
    : [{ title: 'Page not found — Duty of Care petition' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const page = await seatPage(params.onsCode)
  if (!page) throw data('No constituency has that code.', { status: 404 })
  const language = pageLanguage(request)
  const messages = messagesFor(language)
  const t = messages.seat
  const { seat } = page
  const path = localePath(language, `/map/${seat.onsCode}`)
  const shareWords = { ...messages.share, opensInNewTab: messages.form.opensInNewTab }
  return {
    ...page,
    language,
    t,
    inNation: t.inNation[seat.nation],
    title: fill(t.title, { seat: seat.name, count: describeCount(seat.signatures, 'signatures', messages.hexMap) }),
    share: seatShareCard(seat, language),
    shareUrl: `${env().APP_URL}${path}`,
    shareWords: { ...shareWords, message: shareMessage(seat, t) },
  }
}

function shareMessage(seat: { name: string; signatures: number }, t: { shareNone: string; shareOne: string; shareMany: string }) {
  if (!seat.signatures) return fill(t.shareNone, { seat: seat.name })
  return fill(seat.signatures === 1 ? t.shareOne : t.shareMany, { count: formatNumber(seat.signatures), seat: seat.name })
}

export default function SeatPage({ loaderData }: Route.ComponentProps) {
  const { seat, mp, calls, signatureCount, shareUrl, shareWords, language, t, inNation } = loaderData
  const at = (path: string) => localePath(language, path)
  const to = mp ? mp.name : t.thisSeatsMp
  const total = formatNumber(signatureCount)
  const letters = seat.letters === 0 ? t.lettersNone : seat.letters === 1 ? t.lettersOne : t.lettersMany
  const callsLine = calls ? fill(calls === 1 ? t.callsOne : t.callsMany, { count: formatNumber(calls), office: mp ? t.theirOffice : t.mpOffice }) : ''
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p>
        <a href={at('/map')}>{t.back}</a>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{seat.name}</h1>
      <p className="text-ink-muted">{fill(t.kind, { inNation, code: seat.onsCode })}</p>

      <div className="mt-6 rounded-lg bg-brand p-6 text-white">
        {seat.signatures ? (
          <>
            <p className="text-lg">
              <strong className="block text-5xl font-extrabold" data-testid="seat-count">{formatNumber(seat.signatures)}</strong>{' '}
              {seat.signatures === 1 ? t.hereOne : t.hereMany}
            </p>
            <p className="mt-2">{fill(seat.tied ? t.jointRank : t.rank, { ordinal: ordinal(seat.rank), rank: formatNumber(seat.rank), total })}</p>
          </>
        ) : (
          <p className="text-lg">
            <strong className="block text-3xl font-extrabold" data-testid="seat-count">{t.noneYet}</strong> {fill(t.beFirst, { total })}
          </p>
        )}
      </div>

      <h2 className="mt-8 text-2xl font-bold">{t.mpHeading}</h2>
      {mp ? (
        <p className="mt-2">
          <strong>{mp.name}</strong> ({mp.party}) — <a href={mp.profileUrl}>{t.mpProfile}</a>
        </p>
      ) : (
        <p className="mt-2">{fill(t.noMp, { seat: seat.name })}</p>
      )}
      <p className="mt-2">
        {fill(letters, { count: formatNumber(seat.letters), to })}
        {callsLine ? ` ${callsLine}` : ''}
      </p>

      <div className="mt-6 flex flex-wrap gap-4">
        <a href={at('/write')} className="btn">{t.write}</a>
        <a href={at('/#sign')} className="btn-secondary">{t.sign}</a>
      </div>

      <h2 className="mt-10 text-2xl font-bold">{fill(t.shareHeading, { seat: seat.name })}</h2>
      <p className="mb-4 mt-2">{t.shareText}</p>
      <ShareButtons url={shareUrl} words={shareWords} />
    </div>
  )
}
