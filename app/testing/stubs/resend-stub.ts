// A stand-in for the Resend API (POST /emails, POST /emails/batch) that
// speaks its shapes: bearer auth, Idempotency-Key replay, validation errors,
// and scripted failures (500, 429 with retry-after) or a request-rate limit.
// Tests read what was "delivered" in-process or over GET /_stub/emails.
import crypto from 'node:crypto'
import { startHttpStub, type RunningStub, type StubResponse } from './http-stub'

export interface DeliveredEmail {
  id: string
  from: string
  to: string[]
  subject: string
  html?: string
  text?: string
  reply_to?: string | string[]
  headers?: Record<string, string>
  idempotencyKey?: string
}

export interface ResendStub extends RunningStub {
  emails: DeliveredEmail[]
  requests: { path: string; idempotencyKey?: string; status: number }[]
  /** The next requests get these answers instead of success, in order. */
  failNext: (...responses: StubResponse[]) => void
  /** Answer 429 beyond this many requests per second (Resend's default is a few). */
  limitRate: (requestsPerSecond: number | null) => void
  /** Accept the next request, then answer 504 as if the response was lost on the way back. */
  loseNextResponse: () => void
  reset: () => void
}

export function resendError(status: number, name: string, message: string, headers?: Record<string, string>): StubResponse {
  return { status, body: { statusCode: status, name, message }, headers }
}

export async function startResendStub(port = 0): Promise<ResendStub> {
  const emails: DeliveredEmail[] = []
  const requests: ResendStub['requests'] = []
  let scripted: StubResponse[] = []
  let rate: number | null = null
  let loseResponse = false
  let windowStart = 0
  let windowCount = 0
  const replays = new Map<string, { bodyHash: string; response: StubResponse }>()

  function accept(input: Record<string, unknown>, idempotencyKey?: string): DeliveredEmail | StubResponse {
    const to = Array.isArray(input.to) ? (input.to as string[]) : [input.to as string]
    if (!input.from || !to.length || !to[0] || !input.subject) {
      return resendError(422, 'validation_error', 'The `from`, `to` and `subject` fields are required.')
    }
    if (to.some((address) => !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address.replace(/^.*<(.+)>$/, '$1')))) {
      return resendError(422, 'validation_error', 'Invalid `to` field.')
    }
    return {
      id: crypto.randomUUID(),
      from: input.from as string,
      to,
      subject: input.subject as string,
      html: input.html as string | undefined,
      text: input.text as string | undefined,
      reply_to: input.reply_to as string | undefined,
      headers: input.headers as Record<string, string> | undefined,
      idempotencyKey,
    }
  }

  const stub = await startHttpStub((req) => {
    if (req.path === '/_stub/emails' && req.method === 'GET') return { status: 200, body: emails }
    if (req.path === '/_stub/reset' && req.method === 'POST') {
      reset()
      return { status: 204 }
    }
    if (req.path === '/_stub/fail' && req.method === 'POST') {
      scripted.push(...((req.body as { responses: StubResponse[] }).responses ?? []))
      return { status: 204 }
    }
    if (req.path === '/_stub/rate' && req.method === 'POST') {
      rate = (req.body as { requestsPerSecond: number | null }).requestsPerSecond
      return { status: 204 }
    }

    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? undefined
    const record = (status: number) => requests.push({ path: req.path, idempotencyKey, status })

    if (!String(req.headers.authorization ?? '').startsWith('Bearer re_')) {
      record(401)
      return resendError(401, 'missing_api_key', 'Missing API key in the authorization header.')
    }
    if (rate !== null) {
      const now = Date.now()
      if (now - windowStart >= 1000) {
        windowStart = now
        windowCount = 0
      }
      if (++windowCount > rate) {
        record(429)
        return resendError(429, 'rate_limit_exceeded', 'Too many requests. You can only make 5 requests per second.', { 'retry-after': '1' })
      }
    }
    const failure = scripted.shift()
    if (failure) {
      record(failure.status)
      return failure
    }

    const bodyHash = crypto.createHash('sha256').update(JSON.stringify(req.body)).digest('hex')
    if (idempotencyKey) {
      const seen = replays.get(idempotencyKey)
      if (seen) {
        record(seen.bodyHash === bodyHash ? seen.response.status : 409)
        return seen.bodyHash === bodyHash
          ? seen.response
          : resendError(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.')
      }
    }

    let response: StubResponse
    if (req.method === 'POST' && req.path === '/emails') {
      const accepted = accept(req.body as Record<string, unknown>, idempotencyKey)
      if ('status' in accepted) response = accepted
      else {
        emails.push(accepted)
        response = { status: 200, body: { id: accepted.id } }
      }
    } else if (req.method === 'POST' && req.path === '/emails/batch') {
      const batch = req.body as Record<string, unknown>[]
      if (!Array.isArray(batch) || batch.length === 0 || batch.length > 100) {
        response = resendError(422, 'validation_error', 'A batch holds between 1 and 100 emails.')
      } else {
        const results = batch.map((e) => accept(e, idempotencyKey))
        const invalid = results.find((r): r is StubResponse => 'status' in r)
        if (invalid) response = invalid
        else {
          emails.push(...(results as DeliveredEmail[]))
          response = { status: 200, body: { data: (results as DeliveredEmail[]).map((r) => ({ id: r.id })) } }
        }
      }
    } else {
      response = resendError(404, 'not_found', 'The requested endpoint does not exist.')
    }
    record(response.status)
    if (idempotencyKey && response.status < 500) replays.set(idempotencyKey, { bodyHash, response })
    if (loseResponse && response.status === 200) {
      loseResponse = false
      return resendError(504, 'gateway_timeout', 'The response was lost.')
    }
    return response
  }, port)

  function reset() {
    emails.length = 0
    requests.length = 0
    scripted = []
    rate = null
    loseResponse = false
    replays.clear()
  }

  return {
    ...stub,
    emails,
    requests,
    failNext: (...responses) => scripted.push(...responses),
    limitRate: (r) => {
      rate = r
    },
    reset,
    loseNextResponse: () => {
      loseResponse = true
    },
  }
}
