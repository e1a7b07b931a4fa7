// How much of the letter is in the supporter's own words. Updated as they type
// when JavaScript runs; the figure is worked out the same way on the server.
import { METER_HIGH, METER_LOW, personalisationMessage, type MeterWords } from './personalisation'

export function PersonalisationMeter({ share, words }: { share: number; words: MeterWords & { label: string; share: string } }) {
  const percent = Math.round(share * 100)
  return (
    <div className="mt-5 border-t-2 border-white pt-4">
      <p id="write-meter-label" className="font-semibold">
        {words.label}
      </p>
      <meter
        id="write-meter"
        aria-labelledby="write-meter-label"
        aria-describedby="write-meter-message"
        min={0}
        max={100}
        low={METER_LOW}
        high={METER_HIGH}
        optimum={100}
        value={percent}
        className="mt-1 h-5 w-full"
      >
        {percent}%
      </meter>
      <p className="mt-1">
        <strong>{percent}%</strong> {words.share}
      </p>
      <p id="write-meter-message" aria-live="polite" className="mt-1 text-sm">
        {personalisationMessage(share, words)}
      </p>
    </div>
  )
}
