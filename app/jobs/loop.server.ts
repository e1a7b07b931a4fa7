// A background task that runs every `intervalMs`, backs off (up to maxBackoffMs)
// while it keeps failing, and stops cleanly: the current run finishes first.
import { log } from '~/lib/log.server'

export interface Loop {
  stop: () => Promise<void>
  wake: () => void
}

export function startLoop(
  name: string,
  intervalMs: number,
  run: () => Promise<number | void>,
  { maxBackoffMs = 300_000 }: { maxBackoffMs?: number } = {},
): Loop {
  let stopped = false
  let failures = 0
  let timer: NodeJS.Timeout | undefined
  let wakeUp: (() => void) | undefined
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve
      timer = setTimeout(resolve, ms)
    })

  const done = (async () => {
    while (!stopped) {
      let delay = intervalMs
      try {
        const next = await run()
        failures = 0
        if (typeof next === 'number') delay = next
      } catch (error) {
        failures++
        delay = Math.min(maxBackoffMs, intervalMs * 2 ** failures)
        if (failures === 1 || failures % 10 === 0) log.error({ loop: name, failures, retryInMs: delay, err: error }, `${name} failed (${failures}x), retrying in ${delay} ms`)
      }
      if (!stopped && delay > 0) await sleep(delay)
    }
  })()

  return {
    wake: () => {
      clearTimeout(timer)
      wakeUp?.()
    },
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      wakeUp?.()
      await done
    },
  }
}
