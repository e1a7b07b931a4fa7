// Group commit: requests that each want one row written, arriving within a few milliseconds of
// one another, are written together by one statement in one transaction (one round trip, one
// commit) instead of one each. Each caller gets its own result back; if the statement fails,
// every caller in that group gets the same error and nothing of the group is stored (it was one
// statement). Bounded both ways: a group is written once it holds `maxSize` items or once its
// first item has waited `maxWaitMs`, so no request waits longer than that for company.

export interface GroupCommitOptions {
  /** Most items one statement writes. */
  maxSize: number
  /** Longest the first item of a group waits for others before the group is written. */
  maxWaitMs: number
}

interface Pending<I, O> {
  item: I
  resolve: (outcome: O) => void
  reject: (error: unknown) => void
}

/**
 * `write` is given the group's items in arrival order and must return one outcome per item, in
 * the same order (it is called with at least one item).
 */
export function groupCommit<I, O>(write: (items: I[]) => Promise<O[]>, options: GroupCommitOptions) {
  let group: Pending<I, O>[] = []
  let timer: NodeJS.Timeout | undefined

  function flush() {
    if (timer) clearTimeout(timer)
    timer = undefined
    const batch = group
    group = []
    if (batch.length === 0) return
    write(batch.map((p) => p.item)).then(
      (outcomes) => {
        if (outcomes.length !== batch.length) {
          const error = new Error(`group commit: ${outcomes.length} outcomes for ${batch.length} items`)
          for (const p of batch) p.reject(error)
          return
        }
        batch.forEach((p, i) => p.resolve(outcomes[i]))
      },
      (error: unknown) => {
        for (const p of batch) p.reject(error)
      },
    )
  }

  return function add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      group.push({ item, resolve, reject })
      if (group.length >= options.maxSize) flush()
      else timer ??= setTimeout(flush, options.maxWaitMs)
    })
  }
}
