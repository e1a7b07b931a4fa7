import { renderToStaticMarkup } from 'react-dom/server'
import { ErrorMessage, type ErrorMessageProps } from './error-page'

/** `ErrorMessage` as a whole HTML document (title "<heading> — Duty of Care"), for answers given outside React Router. */
export function errorDocument(props: ErrorMessageProps & { stylesheet?: string }): string {
  const { stylesheet, ...message } = props
  return `<!doctype html>${renderToStaticMarkup(
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${message.heading} — Duty of Care`}</title>
        {stylesheet ? <link rel="stylesheet" href={stylesheet} /> : null}
      </head>
      <body>
        <header className="bg-brand text-white">
          <div className="mx-auto max-w-5xl px-4 py-3">
            <a href="/" className="text-xl font-bold text-white">Duty of Care</a>
          </div>
        </header>
        <main id="main">
          <ErrorMessage {...message} />
        </main>
      </body>
    </html>,
  )}`
}
