// What the pages of things written as a draft and then sent in the background (campaign updates, MP
// briefings) share: a one-button form for each step, the draft's edit form, and the progress section that
// refreshes itself while sending.
import { useEffect, type ReactNode } from 'react'
import { Form, useNavigation, useRevalidator } from 'react-router'
import { ErrorSummary } from './error-summary'
import { problemsOf } from './text-field'
import type { FieldState } from './text-field'

/** One button posting `intent` (and, for a step of a confirmation page, `step`); disabled while a form is submitting. */
export function IntentButton({ value, children, className = 'btn', step }: { value: string; children: string; className?: string; step?: 'confirm' }) {
  const busy = useNavigation().state === 'submitting'
  return (
    <Form method="post">
      {step ? <input type="hidden" name="step" value={step} /> : null}
      <button type="submit" name="intent" value={value} className={className} disabled={busy}>
        {children}
      </button>
    </Form>
  )
}

/** The draft's "Edit" section: its fields (children), errors summarised above them, Save draft and Delete draft. */
export function DraftEditor({ fields, children }: { fields: FieldState[]; children: ReactNode }) {
  return (
    <section aria-labelledby="edit-title" className="mt-8">
      <h2 id="edit-title" className="text-2xl font-bold">Edit</h2>
      <Form method="post" noValidate className="mt-3 max-w-3xl">
        <ErrorSummary problems={problemsOf(fields)} />
        {children}
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" className="btn">Save draft</button>
          <button type="submit" name="intent" value="delete" className="btn-secondary" formNoValidate>Delete draft</button>
        </div>
      </Form>
    </section>
  )
}

/**
 * The "Progress" section once sending has started: what the page says about it (children), then what was sent,
 * folded away. While `sending`, the page's data refreshes every 3 seconds (without JavaScript, reload the page).
 */
export function SendProgress({ sending, sentSummary, sent, children }: { sending: boolean; sentSummary: string; sent: ReactNode; children: ReactNode }) {
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!sending) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate()
    }, 3000)
    return () => clearInterval(timer)
  }, [sending, revalidator])
  return (
    <section aria-labelledby="progress-title" className="mt-6">
      <h2 id="progress-title" className="text-2xl font-bold">Progress</h2>
      {children}
      <details className="mt-6 max-w-2xl">
        <summary className="cursor-pointer font-semibold text-brand">{sentSummary}</summary>
        {sent}
      </details>
    </section>
  )
}
