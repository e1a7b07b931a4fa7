// Chart axes read in 1-2-5 steps (decision 097): a bar of 2 sits on the "2" line.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ColumnChart, niceTicks } from './charts'

describe('chart axes', () => {
  it('use whole steps of 1, 2 or 5 times a power of ten, at most five, up to the largest value', () => {
    expect(niceTicks(0)).toEqual([0, 1])
    expect(niceTicks(2)).toEqual([0, 1, 2])
    expect(niceTicks(5)).toEqual([0, 1, 2, 3, 4, 5])
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8])
    expect(niceTicks(11)).toEqual([0, 5, 10, 15])
    expect(niceTicks(48)).toEqual([0, 10, 20, 30, 40, 50])
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500])
    for (let largest = 0; largest < 5000; largest += 7) {
      const ticks = niceTicks(largest)
      const step = ticks[1]
      expect(step / 10 ** Math.floor(Math.log10(step))).toSatisfy((m: number) => [1, 2, 5].includes(m))
      expect(ticks.length - 1).toBeLessThanOrEqual(5)
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(largest)
      expect(ticks.at(-2)!).toBeLessThan(Math.max(1, largest))
    }
  })

  it('label the axis with those steps, never rounded quarters ("0, 1, 3, 4, 5")', () => {
    const html = renderToStaticMarkup(
      <ColumnChart title="Signatures" summary="s" firstColumn="Hour" series={[{ name: 'Signed', fill: 'fill-brand', swatch: 'bg-brand' }]} points={[{ label: 'a', tick: 'a', values: [2] }, { label: 'b', tick: 'b', values: [5] }]} />,
    )
    const labels = [...html.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((m) => m[1])
    expect(labels).toEqual(['0', '1', '2', '3', '4', '5'])
  })
})
