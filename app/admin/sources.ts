// The Sources page's tables: shared by the page and its figures (app/admin/sources.server.ts).

export const DIMENSIONS = [
  { key: 'source', column: 'utmSource', label: 'Source (utm_source)' },
  { key: 'medium', column: 'utmMedium', label: 'Medium (utm_medium)' },
  { key: 'campaign', column: 'utmCampaign', label: 'Campaign (utm_campaign)' },
  { key: 'partner', column: 'partner', label: 'Partner (?partner=)' },
] as const
export type Dimension = (typeof DIMENSIONS)[number]['key']

export const DAYS = 30
