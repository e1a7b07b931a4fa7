// A multi-line field with the same label, hint and error wiring as TextField.
import { FieldFrame, type FieldState, type FieldWords } from './text-field'

export function TextArea({
  field,
  label,
  hint,
  rows = 12,
  className = '',
  required = true,
  monospace = false,
  words,
}: {
  field: FieldState
  label: string
  hint?: string
  rows?: number
  className?: string
  required?: boolean
  /** For text with markup (templates, Markdown), where characters matter. */
  monospace?: boolean
  /** The frame's own words in the page's language (decision 110); English when not given. */
  words?: FieldWords
}) {
  return (
    <FieldFrame field={field} label={label} hint={hint} required={required} className={className} words={words}>
      {(describedBy) => (
        <textarea
          id={field.id}
          name={field.name}
          rows={rows}
          defaultValue={field.defaultValue}
          required={required}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          className={`input ${monospace ? 'font-mono text-base' : 'font-normal leading-relaxed'}`}
        />
      )}
    </FieldFrame>
  )
}
