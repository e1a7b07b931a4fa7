// How much of the letter is in the supporter's own words. Updated as they type
// when JavaScript runs; the figure is worked out the same way on the server.
import { METER_HIGH, METER_LOW, personalisationMessage } from './personalisation'

export function PersonalisationMeter({ share }: { share: number }) {
  const percent = Math.round(share * 100)
  return (
    <div className="mt-5 border-t-2 border-white pt-4">
      <p id="write-meter-label" className="font-semibold">
        Your own words
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
        <strong>{percent}%</strong> of this letter is in your own words.
      </p>
      <p id="write-meter-message" aria-live="polite" className="mt-1 text-sm">
        {personalisationMessage(share)}
      </p>
    </div>
  )
}
