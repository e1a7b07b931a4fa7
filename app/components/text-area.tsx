// A multi-line field with the same label, hint and error wiring as TextField.
import type { FieldState } from './text-field'

export function TextArea({
  field,
  label,
  hint,
  rows = 12,
  className = '',
}: {
  field: FieldState
  label: string
  hint?: string
  rows?: number
  className?: string
}) {
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = field.error ? `${field.id}-error` : undefined
  return (
    <div className={`mb-5 ${className}`}>
      <label htmlFor={field.id} className="field-label">
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {field.error ? (
        <span id={errorId} className="field-error">
          <span className="sr-only">Error: </span>
          {field.error}
        </span>
      ) : null}
      <textarea
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={field.defaultValue}
        required
        aria-invalid={field.error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className="input font-normal leading-relaxed"
      />
    </div>
  )
}
