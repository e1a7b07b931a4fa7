// Whether this browser offers the clipboard: false on the server and in the first render (so
// hydration matches), then the browser's answer. A store read, not setState in an effect.
import { useSyncExternalStore } from 'react'

const nothingToSubscribeTo = () => () => {}

export function useCanCopy(): boolean {
  return useSyncExternalStore(nothingToSubscribeTo, () => Boolean(navigator.clipboard), () => false)
}
