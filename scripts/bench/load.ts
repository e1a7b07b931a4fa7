// One autocannon run, reduced to the figures the report prints.
import autocannon from 'autocannon'

export interface LoadResult {
  title: string
  requestsPerSecond: number
  total: number
  p50: number
  p975: number
  p99: number
  /** Responses that were neither 2xx nor 3xx, plus socket errors and timeouts. */
  errors: number
  statusCounts: Record<string, number>
  durationSeconds: number
}

export interface LoadOptions {
  title: string
  url: string
  connections: number
  seconds: number
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** A fresh body for every request (distinct supporters). */
  body?: () => string
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const request = {
    method: options.method ?? 'GET',
    headers: options.headers,
    ...(options.body ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: options.body!() }) } : {}),
  }
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [request],
  } as autocannon.Options)
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]))
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx']
  return {
    title: options.title,
    requestsPerSecond: total / result.duration,
    total,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result['1xx'] + result['4xx'] + result['5xx'] + result.errors + result.timeouts,
    statusCounts,
    durationSeconds: result.duration,
  }
}
