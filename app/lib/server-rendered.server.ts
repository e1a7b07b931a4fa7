// The loader's half of app/components/server-rendered.tsx (decision 121).
import type { AppLoadContext } from 'react-router'

/**
 * `value` as page data on a client-side navigation; on a first visit, kept for the server's render only
 * (returns undefined), so it is not sent a second time inside the hydration data.
 */
export function serverRenderedOnly<T>(context: Partial<AppLoadContext>, key: string, value: T): T | undefined {
  if (!context.serverRendered) return value
  context.serverRendered[key] = value
  return undefined
}
