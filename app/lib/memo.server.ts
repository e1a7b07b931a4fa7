/** Remembers an async result for `ms` milliseconds; a failure is forgotten at once. */
export function memoFor<T>(ms: number, load: () => Promise<T>): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined
  return () => {
    const now = Date.now()
    if (!cached || now - cached.at > ms) {
      const value = load()
      cached = { at: now, value }
      value.catch(() => {
        if (cached?.value === value) cached = undefined
      })
    }
    return cached.value
  }
}
