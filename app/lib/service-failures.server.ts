// Failed calls to outside services, kept in Postgres (decision 091): the dashboard's
// "errors in the last hour" and /metrics read them, whichever process made the call
// and whichever answers. Recording never throws: a failure to record a failure must
// not change what the caller does.
import { log } from './log.server'
import { prisma } from './db.server'

export type ExternalService = 'postcodes.io' | 'members-api' | 'resend'
export type FailureKind = 'unreachable' | 'timeout' | 'rate_limited' | 'server_error' | 'rejected'

/** Rows older than this are deleted by the daily prune-operations job. */
export const SERVICE_FAILURE_DAYS = 7

/** The kind of a failed HTTP answer (status) or of a thrown fetch error (no status). */
export function failureKind(status: number | null | undefined, error?: unknown): FailureKind {
  if (status === 429) return 'rate_limited'
  if (status && status >= 500) return 'server_error'
  if (status) return 'rejected'
  const name = (error as { name?: string } | undefined)?.name
  return name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable'
}

export async function recordServiceFailure(service: ExternalService, kind: FailureKind, detail: string): Promise<void> {
  log.warn({ service, kind, detail: detail.slice(0, 300) }, `${service} call failed (${kind})`)
  try {
    await prisma.serviceFailure.create({ data: { service, kind, detail: detail.slice(0, 300) } })
  } catch (error) {
    log.error({ service, err: error }, 'could not record a service failure')
  }
}

export async function pruneServiceFailures(now = new Date()): Promise<number> {
  const { count } = await prisma.serviceFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SERVICE_FAILURE_DAYS * 86_400_000) } } })
  return count
}
