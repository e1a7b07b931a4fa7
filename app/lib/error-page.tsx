// One error page (decision 075). The app's ErrorBoundary (app/root.tsx) renders `ErrorMessage` inside the
// layout; the answers the server gives without React Router — 503 while Postgres is down, 400 for a value it
// refused, 403 for a cross-site form (server/request-handler.ts) — wrap the same markup in `errorDocument`
// (error-document.server.tsx, kept apart so react-dom/server stays out of the browser's bundle).
import type { ReactNode } from 'react'

export type ErrorMessageProps = {
  heading: string
  /** One paragraph each: what happened, then what to do. */
  paragraphs: readonly ReactNode[]
  /** "Back to the campaign" after the paragraphs; off where a paragraph already links home. */
  backLink?: boolean
}

/**
 * What went wrong and the way back. The link is a plain anchor, not a client-side `<Link>`: after an error a full
 * page load starts afresh, and the server-rendered pages have no router at all.
 */
export function ErrorMessage({ heading, paragraphs, backLink = true }: ErrorMessageProps) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{heading}</h1>
      {paragraphs.map((p, i) => (
        <p key={i} className="mt-4">{p}</p>
      ))}
      {backLink ? (
        <p className="mt-4">
          <a href="/">Back to the campaign</a>
        </p>
      ) : null}
    </div>
  )
}
