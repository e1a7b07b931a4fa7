// Load for the resilience tests: concurrent supporters posting the petition
// form (no JavaScript, like the plain HTML form), each with a distinct email,
// recording what every request got back.
export interface Outcome {
  email: string
  /** HTTP status, or 0 when no response came back (refused, reset, timed out). */
  status: number
  error?: string
  contentType?: string
  body?: string
  startedAt: number
  ms: number
}

let counter = 0

// A rush is many people on many connections and mail providers: spread over 100 domains and a network per
// request, a long run stays under the abuse limits per network (200 an hour) and per email domain (2,000 an
// hour), which have their own tests. Six loops from six fixed addresses had reached the first on a slow start.
export function supporter(prefix: string) {
  const n = ++counter
  return { name: `Resilient Supporter ${n}`, email: `${prefix}-${process.pid}-${n}@supporters-${n % 100}.example`, postcode: 'RG1 1AA' }
}

/** A client address on a network of its own: an IPv6 /64 from the documentation prefix. */
function ownNetwork() {
  const n = ++counter
  return `2001:db8:${(n >> 16) & 0xffff}:${(n & 0xffff).toString(16)}::1`
}

export async function sign(baseUrl: string, prefix: string, extraHeaders: Record<string, string> = {}): Promise<Outcome> {
  const who = supporter(prefix)
  const startedAt = Date.now()
  try {
    const response = await fetch(`${baseUrl}/?index`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...extraHeaders },
      body: new URLSearchParams(who).toString(),
      signal: AbortSignal.timeout(15_000),
    })
    const body = response.status === 303 ? '' : await response.text()
    return { email: who.email, status: response.status, contentType: response.headers.get('content-type') ?? undefined, body, startedAt, ms: Date.now() - startedAt }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { email: who.email, status: 0, error: cause?.code ?? cause?.message ?? (error as Error).message, startedAt, ms: Date.now() - startedAt }
  }
}

/** `concurrency` supporters signing one after another until `until()` says stop. */
export function signingLoad(baseUrl: string, prefix: string, concurrency: number, until: () => boolean, pauseMs = 0) {
  const outcomes: Outcome[] = []
  const loops = Array.from({ length: concurrency }, async () => {
    while (!until()) {
      const outcome = await sign(baseUrl, prefix, { 'x-forwarded-for': ownNetwork() })
      outcomes.push(outcome)
      const pause = outcome.status === 0 ? Math.max(pauseMs, 50) : pauseMs
      if (pause) await new Promise((r) => setTimeout(r, pause))
    }
  })
  return { outcomes, done: Promise.all(loops).then(() => outcomes) }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check().catch(() => undefined)
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(everyMs)
  }
}

/**
 * Waits for `remaining()` to reach 0, failing only when it has not gone down for `stallMs`: a loaded machine
 * may take minutes to drain an outbox, a stuck one makes no progress at all, and only the second is a fault.
 */
export async function waitForProgress(what: string, remaining: () => Promise<number>, stallMs = 60_000, everyMs = 250): Promise<void> {
  let best = Number.POSITIVE_INFINITY
  let lastProgress = Date.now()
  for (;;) {
    const left = await remaining().catch(() => best)
    if (left === 0) return
    if (left < best) {
      best = left
      lastProgress = Date.now()
    }
    if (Date.now() - lastProgress > stallMs) throw new Error(`${what}: stuck at ${best} for ${Math.round(stallMs / 1000)} s`)
    await sleep(everyMs)
  }
}
