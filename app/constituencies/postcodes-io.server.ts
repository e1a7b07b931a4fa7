// postcodes.io: postcode → Westminster constituency (2024 boundaries) and nation.
import { env } from '~/lib/env.server'
import { failureKind, recordServiceFailure } from '~/lib/service-failures.server'

export interface PostcodePlace {
  postcode: string
  constituencyName: string | null
  constituencyCode: string | null
  nation: string | null
  town: string | null
}

interface PostcodeResult {
  postcode: string
  country: string | null
  admin_district: string | null
  parish?: string | null
  parliamentary_constituency_2024?: string | null
  codes?: { parliamentary_constituency_2024?: string | null }
}

export class PostcodeServiceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PostcodeServiceError'
  }
}

const TIMEOUT_MS = 5_000

function toPlace(result: PostcodeResult): PostcodePlace {
  return {
    postcode: result.postcode,
    constituencyName: result.parliamentary_constituency_2024 ?? null,
    constituencyCode: result.codes?.parliamentary_constituency_2024 ?? null,
    nation: result.country ?? null,
    town: result.admin_district ?? null,
  }
}

async function call(path: string, init?: RequestInit) {
  try {
    return await fetch(`${env().POSTCODES_IO_URL}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    await recordServiceFailure('postcodes.io', failureKind(null, error), (error as Error).name ?? 'error')
    throw new PostcodeServiceError(`postcodes.io unreachable: ${(error as Error).message}`)
  }
}

/** A failed answer (not 404, which means an unknown postcode): recorded, then thrown. */
async function failed(status: number): Promise<never> {
  await recordServiceFailure('postcodes.io', failureKind(status), `answered ${status}`)
  throw new PostcodeServiceError(`postcodes.io answered ${status}`)
}

/** One postcode; null when postcodes.io does not know it. Throws PostcodeServiceError when the service fails. */
export async function lookupPostcode(postcode: string): Promise<PostcodePlace | null> {
  const response = await call(`/postcodes/${encodeURIComponent(postcode)}`)
  if (response.status === 404) return null
  if (!response.ok) await failed(response.status)
  const body = (await response.json()) as { result: PostcodeResult }
  return toPlace(body.result)
}

/** Up to 100 postcodes in one request; unknown ones map to null. */
export async function lookupPostcodes(postcodes: string[]): Promise<Map<string, PostcodePlace | null>> {
  const response = await call('/postcodes', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ postcodes }),
  })
  if (!response.ok) await failed(response.status)
  const body = (await response.json()) as { result: { query: string; result: PostcodeResult | null }[] }
  return new Map(body.result.map((r) => [r.query, r.result ? toPlace(r.result) : null]))
}
