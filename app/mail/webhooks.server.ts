// Resend tells us what became of each email through signed webhooks
// (Standard Webhooks / Svix: svix-id, svix-timestamp, svix-signature).
// A request is believed only when its signature over the exact bytes checks
// out with RESEND_WEBHOOK_SECRET and its timestamp is within 5 minutes; each
// event is applied once (its id is the WebhookEvent primary key).
import { Resend } from 'resend'
import type { EmailStatus, Prisma } from '~/generated/prisma/client'
import { col, sql } from '~/lib/sql.server'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { consume } from '~/lib/rate-limit.server'
import { isMailToMp, suppressAddress } from './suppression.server'

/** Resend's payloads are a few KB; anything far bigger is not from them. */
const MAX_BODY_BYTES = 256 * 1024
/** An event whose email we cannot find yet (Resend can be faster than our own bookkeeping) is retried this long. */
const UNMATCHED_RETRY_MS = 15 * 60 * 1000

const STATUS_OF_EVENT = {
  'email.sent': 'sent',
  'email.delivery_delayed': 'delivery_delayed',
  'email.delivered': 'delivered',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
} as const satisfies Record<string, EmailStatus>

type HandledType = keyof typeof STATUS_OF_EVENT

/** Events can arrive out of order: a status only ever moves forward. */
const RANK: Record<EmailStatus, number> = {
  queued: 0,
  sending: 0,
  failed: 0,
  suppressed: 0,
  sent: 1,
  delivery_delayed: 2,
  delivered: 3,
  bounced: 4,
  complained: 5,
}

/**
 * What a domain does, in the event's transaction, when mail to an MP bounces hard or is reported as spam (the
 * transport knows no domain: the route and the worker pass it in; briefings flag the MP's address with it).
 */
export type OnMpAddressTrouble = (tx: Prisma.TransactionClient, emailId: string) => Promise<unknown>

interface ResendEvent {
  type: string
  created_at?: string
  data?: { email_id?: string; bounce?: { type?: string; subType?: string; message?: string } }
}

export interface WebhookOutcome {
  status: 200 | 400 | 401 | 413 | 429
  body: { ok: boolean; message: string }
  headers?: Record<string, string>
}

let verifier: Resend | undefined

/** The event, if the signature is Resend's and the timestamp is fresh; otherwise null. */
export function verifyResendSignature(rawBody: string, headers: Headers, secret: string): ResendEvent | null {
  const id = headers.get('svix-id') ?? headers.get('webhook-id')
  const timestamp = headers.get('svix-timestamp') ?? headers.get('webhook-timestamp')
  const signature = headers.get('svix-signature') ?? headers.get('webhook-signature')
  if (!id || !timestamp || !signature) return null
  // The SDK's verifier needs no API key; the client is only its home.
  verifier ??= new Resend(env().RESEND_API_KEY ?? 're_webhook_verification_only')
  try {
    const event = verifier.webhooks.verify({ payload: rawBody, headers: { id, timestamp, signature }, webhookSecret: secret }) as unknown
    return event && typeof event === 'object' && typeof (event as ResendEvent).type === 'string' ? (event as ResendEvent) : null
  } catch {
    return null
  }
}

async function readRawBody(request: Request): Promise<string | null> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

/** POST /webhooks/resend: rate limit, verify, record once, apply. */
export async function receiveResendWebhook(request: Request, clientIp: string, onMpAddressTrouble?: OnMpAddressTrouble): Promise<WebhookOutcome> {
  const limit = await consume('webhooksPerIp', clientIp)
  if (!limit.allowed) {
    return { status: 429, body: { ok: false, message: 'Too many requests.' }, headers: { 'Retry-After': String(limit.retryAfterSeconds) } }
  }
  const secret = env().RESEND_WEBHOOK_SECRET
  if (!secret) return { status: 401, body: { ok: false, message: 'Webhooks are not configured.' } }
  const rawBody = await readRawBody(request)
  if (rawBody === null) return { status: 413, body: { ok: false, message: 'Payload too large.' } }
  const event = verifyResendSignature(rawBody, request.headers, secret)
  if (!event) return { status: 401, body: { ok: false, message: 'Invalid signature.' } }
  const id = (request.headers.get('svix-id') ?? request.headers.get('webhook-id'))!
  if (id.length > 200) return { status: 400, body: { ok: false, message: 'Invalid event id.' } }

  const fresh = await recordAndApply(id, event, onMpAddressTrouble)
  return { status: 200, body: { ok: true, message: fresh ? 'Received.' : 'Already received.' } }
}

/** Stores the event (once) and applies it in the same transaction. False when it was a replay. */
export async function recordAndApply(id: string, event: ResendEvent, onMpAddressTrouble?: OnMpAddressTrouble, now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "WebhookEvent" (id, type, payload, "receivedAt") VALUES (${id}, ${event.type}, ${JSON.stringify(event)}::jsonb, ${now})
      ON CONFLICT (id) DO NOTHING`
    if (!inserted) return false
    const result = await applyEvent(tx, event, onMpAddressTrouble)
    if (result !== 'unmatched') await tx.webhookEvent.update({ where: { id }, data: { processedAt: now } })
    return true
  })
}

function isHandled(type: string): type is HandledType {
  return Object.hasOwn(STATUS_OF_EVENT, type)
}

/**
 * Applies one event to the email it belongs to. What the email was about
 * follows from its status: a letter to an MP becomes delivered, or is held
 * (and a bounced MP address is flagged) in trackLetters (app/letters).
 */
async function applyEvent(tx: Prisma.TransactionClient, event: ResendEvent, onMpAddressTrouble?: OnMpAddressTrouble): Promise<'applied' | 'ignored' | 'unmatched'> {
  const providerId = event.data?.email_id
  if (!isHandled(event.type) || typeof providerId !== 'string') return 'ignored'
  const email = await tx.email.findUnique({
    where: { providerId },
    select: { id: true, status: true, to: true, kind: true },
  })
  if (!email) return 'unmatched'

  const next = STATUS_OF_EVENT[event.type]
  const bounce = event.data?.bounce
  const hardBounce = event.type === 'email.bounced' && bounce?.type !== 'Transient'
  if (RANK[next] > RANK[email.status]) {
    const reason = event.type === 'email.bounced' ? `bounced (${[bounce?.type, bounce?.subType].filter(Boolean).join('/') || 'unknown'}): ${bounce?.message ?? ''}` : undefined
    await tx.email.update({ where: { id: email.id }, data: { status: next, ...(reason ? { lastError: reason.slice(0, 500) } : {}) } })
  }
  // An MP's bouncing address is flagged and its letters held (trackLetters), never suppressed; the caller's
  // domain hears of a hard bounce or a complaint at once.
  if (isMailToMp(email.kind)) {
    if (hardBounce || event.type === 'email.complained') await onMpAddressTrouble?.(tx, email.id)
    return 'applied'
  }
  if (hardBounce) await suppressAddress(tx, email.to, 'bounce')
  if (event.type === 'email.complained') await suppressAddress(tx, email.to, 'complaint')

  return 'applied'
}

/**
 * Worker loop: retries events that arrived before we had recorded which
 * email they are about; gives up on them after 15 minutes (not our email).
 */
export async function settleWebhookEvents(onMpAddressTrouble?: OnMpAddressTrouble, now = new Date()): Promise<number> {
  await prisma.webhookEvent.updateMany({
    where: { processedAt: null, receivedAt: { lt: new Date(now.getTime() - UNMATCHED_RETRY_MS) } },
    data: { processedAt: now },
  })
  const waiting = await prisma.webhookEvent.findMany({
    where: { processedAt: null },
    orderBy: { receivedAt: 'asc' },
    take: 200,
    select: { id: true },
  })
  let applied = 0
  for (const { id } of waiting) {
    await prisma.$transaction(async (tx) => {
      const [row] = await sql.rows({ payload: col.jsonOf<ResendEvent>() }, tx)`
        SELECT payload FROM "WebhookEvent" WHERE id = ${id} AND "processedAt" IS NULL FOR UPDATE SKIP LOCKED`
      if (!row) return
      const result = await applyEvent(tx, row.payload, onMpAddressTrouble)
      if (result === 'unmatched') return
      await tx.webhookEvent.update({ where: { id }, data: { processedAt: now } })
      applied++
    })
  }
  return applied
}
