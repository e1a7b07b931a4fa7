import { useEffect, useRef } from 'react'

export interface FieldProblem {
  id: string
  message: string
}

/** GOV.UK-style error summary: announced, focused, each message a link to its field. */
/** `title`: in the page's language (decision 110). */
export function ErrorSummary({ problems, title = 'There is a problem' }: { problems: FieldProblem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const shown = problems.map((p) => `${p.id}:${p.message}`).join('|')
  useEffect(() => {
    if (shown) ref.current?.focus()
  }, [shown])
  if (!problems.length) return null
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 rounded border-4 border-warn p-4">
      <h2 id="error-summary-title" className="text-xl font-bold">
        {title}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {problems.map((p) => (
          <li key={p.id}>
            <a
              href={`#${p.id}`}
              className="font-semibold text-warn"
              onClick={(event) => {
                // Move focus to the field without a navigation, which would drop the errors.
                const field = document.getElementById(p.id)
                if (!field) return
                event.preventDefault()
                field.scrollIntoView({ block: 'center' })
                field.focus()
              }}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
