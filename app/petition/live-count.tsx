import { useEffect, useState } from 'react'
import { fill } from '~/i18n/language'
import { formatNumber } from '~/lib/format'
import { milestoneProgress } from './milestones'

/** How often an open page asks for the count (decision 095): live enough to feel alive, cheap at scale. */
const REFRESH_MS = 20_000

/**
 * The signature count and progress bar; with JavaScript it keeps itself up to date while the tab is visible.
 * Below `showFrom` (a new campaign) it invites people to be among the first instead of showing "0" and an empty bar.
 */
export function LiveCount({
  initialCount,
  thresholds,
  showFrom,
  words,
}: {
  initialCount: number
  thresholds: number[]
  showFrom: number
  /** In the page's language (decision 110). */
  words: { beFirst: string; signedOne: string; signedMany: string; progressLabel: string; progressText: string; reach: string }
}) {
  const [count, setCount] = useState(initialCount)
  useEffect(() => {
    const timer = setInterval(() => void refresh(), REFRESH_MS)
    async function refresh() {
      if (document.hidden) return
      try {
        const response = await fetch('/petition.json')
        if (response.ok) setCount(((await response.json()) as { signature_count: number }).signature_count)
      } catch {
        // Offline for a moment: keep the last figure.
      }
    }
    return () => clearInterval(timer)
  }, [])
  if (count < showFrom) {
    return (
      <p className="text-2xl font-extrabold" data-testid="signature-invitation">
        {words.beFirst}
      </p>
    )
  }
  const progress = milestoneProgress(count, thresholds)
  return (
    <div>
      <p className="text-lg">
        <strong className="block text-5xl font-extrabold" data-testid="signature-count">
          {formatNumber(count)}
        </strong>{' '}
        {count === 1 ? words.signedOne : words.signedMany}
      </p>
      {progress.next ? (
        <>
          <div
            className="mt-3 h-4 w-full overflow-hidden rounded-full border-2 border-white bg-brand-dark"
            role="progressbar"
            aria-label={words.progressLabel}
            aria-valuemin={0}
            aria-valuemax={progress.next}
            aria-valuenow={count}
            aria-valuetext={fill(words.progressText, { count: formatNumber(count), next: formatNumber(progress.next) })}
          >
            <div className="h-full bg-white" style={{ width: `${progress.percent}%` }} />
          </div>
          <p className="mt-2">{fill(words.reach, { next: formatNumber(progress.next) })}</p>
        </>
      ) : null}
    </div>
  )
}
