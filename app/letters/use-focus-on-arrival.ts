import { useEffect, type RefObject } from 'react'
import { useNavigationType } from 'react-router'

/**
 * When a step of /write arrives after a submit (JavaScript on), moves focus to its heading so screen
 * reader and keyboard users start at the new step. Not on a page load (POP), and not when an error
 * summary takes focus instead.
 */
export function useFocusOnArrival(ref: RefObject<HTMLElement | null>, when = true) {
  const navigationType = useNavigationType()
  useEffect(() => {
    if (when && navigationType !== 'POP') ref.current?.focus()
  }, [ref, when, navigationType])
}
