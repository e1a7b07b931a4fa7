import type { Attribution } from './codes'

/**
 * The landing's codes (already checked on the server) as hidden inputs. Kept this small on
 * purpose: it ships in the home page's script, whose budget is tight.
 */
export function AttributionFields({ attribution }: { attribution?: Attribution }) {
  if (!attribution) return null
  return (
    <>
      {Object.entries(attribution).map(([field, code]) => (
        <input key={field} type="hidden" name={field} value={code} />
      ))}
    </>
  )
}
