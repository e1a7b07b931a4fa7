import { useEffect, useState } from 'react'
import { formatNumber } from '~/lib/format'
import { milestoneProgress } from './milestones'

const REFRESH_MS = 5_000

/** The signature count and progress bar; with JavaScript it keeps itself up to date. */
export function LiveCount({ initialCount, thresholds }: { initialCount: number; thresholds: number[] }) {
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
  const progress = milestoneProgress(count, thresholds)
  return (
    <div>
      <p className="text-lg">
        <strong className="block text-5xl font-extrabold" data-testid="signature-count">
          {formatNumber(count)}
        </strong>{' '}
        {count === 1 ? 'person has' : 'people have'} signed
      </p>
      {progress.next ? (
        <>
          <div
            className="mt-3 h-4 w-full overflow-hidden rounded-full border-2 border-white bg-brand-dark"
            role="progressbar"
            aria-label="Progress to the next milestone"
            aria-valuemin={0}
            aria-valuemax={progress.next}
            aria-valuenow={count}
            aria-valuetext={`${formatNumber(count)} of ${formatNumber(progress.next)} signatures`}
          >
            <div className="h-full bg-white" style={{ width: `${progress.percent}%` }} />
          </div>
          <p className="mt-2">Help us reach {formatNumber(progress.next)}.</p>
        </>
      ) : null}
    </div>
  )
}
