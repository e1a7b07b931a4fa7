// Words the browser never re-renders (decision 121). On a first visit (a document request) a loader hands long,
// static prose to the server's render through `ServerRenderedProvider` instead of its page data, so the prose is in
// the HTML once and not again in the hydration data; hydration then keeps the server's markup as it is. On a
// client-side navigation there is no server markup to keep, so the loader returns the prose as data and it is
// rendered as usual.
import { createContext, useContext, useState, type ReactNode } from 'react'

const ServerRenderedContext = createContext<Record<string, unknown> | undefined>(undefined)

/** Set by app/entry.server.tsx around the whole document: what loaders kept out of the page data. */
export const ServerRenderedProvider = ServerRenderedContext.Provider

/** The value a loader kept for the server's render under `key` (see app/lib/server-rendered.server.ts). */
export function useServerRendered<T>(key: string): T | undefined {
  return useContext(ServerRenderedContext)?.[key] as T | undefined
}

/**
 * `children` when the words are at hand (the server's render, or a client-side navigation); otherwise, while
 * hydrating a first visit, the markup the server already put inside `#id`, kept for the life of this element so
 * that nothing the reader has opened (a `<details>`) closes when the page's data is fetched again.
 */
export function ServerRenderedBlock({ id, className, children }: { id: string; className?: string; children: ReactNode | null }) {
  const [kept] = useState(() => (children === null && typeof document !== 'undefined' ? (document.getElementById(id)?.innerHTML ?? '') : null))
  if (kept !== null) return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: kept }} suppressHydrationWarning />
  return (
    <div id={id} className={className}>
      {children}
    </div>
  )
}
