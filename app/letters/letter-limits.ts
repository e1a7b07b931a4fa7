// How long a letter may be: shared by the form's rules and its messages.
export const MIN_BODY_CHARS = 50
export const MAX_BODY_CHARS = 8_000
