// Form fields rendered from a server submission result (Conform's reply()):
// values kept, each error next to its field and tied to it for screen readers.
import type { SubmissionResult } from '@conform-to/react'

export type FormResult = SubmissionResult<string[]> | undefined

export interface FieldState {
  id: string
  name: string
  defaultValue?: string
  error?: string
}

export function fieldState(formId: string, result: FormResult, name: string): FieldState {
  const value = result?.initialValue?.[name]
  return {
    id: `${formId}-${name}`,
    name,
    defaultValue: typeof value === 'string' ? value : undefined,
    error: result?.error?.[name]?.[0],
  }
}

export interface FieldWords {
  optional: string
  errorPrefix: string
}

export function problemsOf(fields: FieldState[]) {
  return fields.flatMap((f) => (f.error ? [{ id: f.id, message: f.error }] : []))
}

/** Label, hint and error for one field, with the ids the control must point at. */
export function FieldFrame({
  field,
  label,
  hint,
  required,
  className = '',
  words,
  children,
}: {
  field: FieldState
  label: string
  hint?: string
  required: boolean
  className?: string
  /** The frame's own words in the page's language (decision 110); English when not given. */
  words?: FieldWords
  children: (describedBy: string | undefined) => React.ReactNode
}) {
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = field.error ? `${field.id}-error` : undefined
  return (
    <div className={`mb-5 ${className}`}>
      <label htmlFor={field.id} className="field-label">
        {label}
        {required ? null : <span className="font-normal"> {words?.optional ?? '(optional)'}</span>}
      </label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {field.error ? (
        <span id={errorId} className="field-error">
          <span className="sr-only">{words?.errorPrefix ?? 'Error: '}</span>
          {field.error}
        </span>
      ) : null}
      {children([hintId, errorId].filter(Boolean).join(' ') || undefined)}
    </div>
  )
}

export function TextField({
  field,
  label,
  hint,
  type = 'text',
  autoComplete,
  className = '',
  spellCheck,
  required = true,
  words,
}: {
  field: FieldState
  label: string
  hint?: string
  type?: 'text' | 'email' | 'tel' | 'password'
  autoComplete?: string
  className?: string
  spellCheck?: boolean
  required?: boolean
  words?: FieldWords
}) {
  return (
    <FieldFrame field={field} label={label} hint={hint} required={required} className={className} words={words}>
      {(describedBy) => (
        <input
          id={field.id}
          name={field.name}
          type={type}
          defaultValue={field.defaultValue}
          required={required}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          spellCheck={spellCheck}
          className="input"
        />
      )}
    </FieldFrame>
  )
}
