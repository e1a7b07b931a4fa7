import type { Measure } from './hex-map'
import type { SupportMapPanelProps } from './support-map-panel'
import { supportMap } from './support.server'

/** `?show=letters` switches the dashboard's map to letters; anything else shows signatures. */
export function mapMeasure(url: URL): Measure {
  return url.searchParams.get('show') === 'letters' ? 'letters' : 'signatures'
}

export async function dashboardMap(measure: Measure): Promise<SupportMapPanelProps> {
  const map = await supportMap()
  return {
    measure,
    seats: map.seats.map((s) => ({ onsCode: s.onsCode, name: s.name, nation: s.nation, q: s.q, r: s.r, value: s[measure] })),
    nations: map.nations,
  }
}
