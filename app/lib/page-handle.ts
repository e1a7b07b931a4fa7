// What a route can ask of the page frame in app/root.tsx, through its `handle` export.
export interface PageHandle {
  /**
   * false: the page is sent as HTML and CSS only, with no scripts and no hydration data
   * (pages that need no JavaScript, like the map with its 650 links, or the embeddable widget).
   */
  hydrate?: false
  /** true: no site header, footer or skip link (a widget framed on partners' sites). */
  bare?: true
  /** true: the campaign dashboard's own header and footer, at the dashboard's width, not the public site's. */
  dashboard?: true
}

export function pageHandle(matches: readonly { handle?: unknown }[]): Required<{ hydrate: boolean; bare: boolean; dashboard: boolean }> {
  const handles = matches.map((m) => (m.handle ?? {}) as PageHandle)
  return { hydrate: !handles.some((h) => h.hydrate === false), bare: handles.some((h) => h.bare === true), dashboard: handles.some((h) => h.dashboard === true) }
}
