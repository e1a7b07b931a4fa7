// The call script's words for one MP: its merge fields filled in as plain text.
// The page renders the result as text (React escapes it); nothing here is HTML.

export const SCRIPT_MERGE_FIELDS = ['mp_name', 'constituency'] as const

export interface ScriptValues {
  mpName: string
  constituency: string
}

/** Any {{field}} in the script: the known ones are filled in, and the admin form refuses any other. */
export const MERGE_FIELD = /\{\{\s*([a-z_]{1,40})\s*\}\}/g

export function mergeScript(text: string, values: ScriptValues): string {
  const replacements: Record<(typeof SCRIPT_MERGE_FIELDS)[number], string> = { mp_name: values.mpName, constituency: values.constituency }
  return text.replace(MERGE_FIELD, (whole, field: string) => (Object.hasOwn(replacements, field) ? replacements[field as keyof typeof replacements] : whole))
}

/** Merge fields the script uses that we cannot fill in (a typo like {{mp}}), each once. */
export function unknownMergeFields(text: string): string[] {
  const known: readonly string[] = SCRIPT_MERGE_FIELDS
  return [...new Set([...text.matchAll(MERGE_FIELD)].map((m) => m[1]).filter((f) => !known.includes(f)))]
}

/** The example MP the admin preview is merged for. */
export const PREVIEW_VALUES: ScriptValues = { mpName: 'Jane Example MP', constituency: 'Reading Central' }
