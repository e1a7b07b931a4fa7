// A multi-line field in the same shape as ~/components/text-field (label,
// hint, error tied to the field), for the dashboard's longer inputs.
import type { FieldState } from '~/components/text-field'

export function TextArea({ field, label, hint, rows = 6, required = true }: { field: FieldState; label: string; hint?: string; rows?: number; required?: boolean }) {
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = field.error ? `${field.id}-error` : undefined
  return (
    <div className="mb-5">
      <label htmlFor={field.id} className="field-label">
        {label}
        {required ? null : <span className="font-normal"> (optional)</span>}
      </label>
      {hint ? <span id={hintId} className="field-hint">{hint}</span> : null}
      {field.error ? (
        <span id={errorId} className="field-error"><span className="sr-only">Error: </span>{field.error}</span>
      ) : null}
      <textarea
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={field.defaultValue}
        required={required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className="input font-mono text-base"
      />
    </div>
  )
}
