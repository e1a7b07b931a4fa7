// The UK Parliament Members API (MEMBERS_API_URL): current MPs, paged, and each
// one's contact details. Polite: a timeout on every request, retries with
// backoff on network errors, 429 and 5xx, and a small concurrency limit.
import { env } from '~/lib/env.server'
import { failureKind, recordServiceFailure } from '~/lib/service-failures.server'
import { normalisePhone } from './phone'

export class MembersApiError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message)
    this.name = 'MembersApiError'
  }
}

export interface RequestOptions {
  /** Per request (default 15 s). */
  timeoutMs?: number
  /** Attempts per request (default 4). */
  attempts?: number
  /** First retry delay, doubled each time (default 1 s). */
  retryBaseMs?: number
}

export interface CurrentMember {
  id: number
  name: string
  fullTitle: string
  party: string
  constituencyName: string
}

export interface MemberContact {
  /** The Parliamentary office email, or null when the member lists none. */
  email: string | null
  postalAddress: string | null
  /** The Parliamentary office's phone and the (first dialable) constituency office's, normalised; null when none. */
  westminsterPhone: string | null
  constituencyPhone: string | null
}

interface SearchPage {
  items?: {
    value?: {
      id?: number
      nameDisplayAs?: string
      nameFullTitle?: string
      latestParty?: { name?: string } | null
      latestHouseMembership?: { membershipFrom?: string; membershipFromId?: number } | null
    }
  }[]
  totalResults?: number
}

interface ContactEntry {
  type?: string
  email?: string | null
  line1?: string | null
  line2?: string | null
  line3?: string | null
  line4?: string | null
  line5?: string | null
  postcode?: string | null
  phone?: string | null
  isPreferred?: boolean
  isWebAddress?: boolean
}

const PAGE_SIZE = 20
/** 650 seats: anything beyond this many pages means the API is not paging as documented. */
const MAX_PAGES = 60
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T | null> {
  const { timeoutMs = 15_000, attempts = 4, retryBaseMs = 1_000 } = options
  const url = `${env().MEMBERS_API_URL}${path}`
  let lastError = ''
  let lastStatus: number | null = null
  let lastThrown: unknown
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let retryAfterMs = 0
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) })
      if (response.ok) return (await response.json()) as T
      if (response.status === 404) return null
      lastError = `answered ${response.status}`
      lastStatus = response.status
      if (response.status !== 429 && response.status < 500) {
        await recordServiceFailure('members-api', 'rejected', `${path.split('?', 1)[0]} ${lastError}`)
        throw new MembersApiError(`Members API ${path} ${lastError}`, response.status)
      }
      retryAfterMs = Math.min(30_000, Number(response.headers.get('retry-after') ?? 0) * 1000 || 0)
    } catch (error) {
      if (error instanceof MembersApiError) throw error
      lastError = (error as Error).message
      lastStatus = null
      lastThrown = error
    }
    if (attempt < attempts) await sleep(Math.max(retryAfterMs, retryBaseMs * 2 ** (attempt - 1)))
  }
  await recordServiceFailure('members-api', failureKind(lastStatus, lastThrown), `${path.split('?', 1)[0]} failed after ${attempts} attempts: ${lastError}`)
  throw new MembersApiError(`Members API ${path} failed after ${attempts} attempts: ${lastError}`)
}

/** Every current member of the House of Commons, following skip/take until totalResults. */
export async function fetchCurrentMembers(options: RequestOptions = {}): Promise<CurrentMember[]> {
  const byId = new Map<number, CurrentMember>()
  let skip = 0
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await getJson<SearchPage>(`/Members/Search?House=1&IsCurrentMember=true&skip=${skip}&take=${PAGE_SIZE}`, options)
    const items = body?.items ?? []
    let fresh = 0
    for (const item of items) {
      const v = item.value
      const constituencyName = v?.latestHouseMembership?.membershipFrom
      if (!v?.id || !v.nameDisplayAs || !constituencyName) continue
      if (!byId.has(v.id)) fresh++
      byId.set(v.id, {
        id: v.id,
        name: v.nameDisplayAs,
        fullTitle: v.nameFullTitle ?? v.nameDisplayAs,
        party: v.latestParty?.name ?? 'Unknown',
        constituencyName,
      })
    }
    skip += items.length
    const total = body?.totalResults ?? 0
    // Done when the pages cover totalResults; an empty page or one of only repeats means the API stopped paging.
    if (!items.length || !fresh || skip >= total) return [...byId.values()]
  }
  throw new MembersApiError(`Members API still paging after ${MAX_PAGES} pages`)
}

/** The member's Parliamentary office email, address and phone, and their constituency office's phone; null when the API does not know the member. */
export async function fetchContact(memberId: number, options: RequestOptions = {}): Promise<MemberContact | null> {
  const body = await getJson<{ value?: ContactEntry[] }>(`/Members/${memberId}/Contact`, options)
  if (!body) return null
  const entries = Array.isArray(body.value) ? body.value : []
  const ofType = (type: string) => entries.filter((e) => typeof e?.type === 'string' && e.type.trim().toLowerCase() === type)
  // Some MPs list several constituency offices: the preferred one first, then the API's order.
  const constituencyOffices = ofType('constituency office').sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred))
  const constituencyPhone = constituencyOffices.map((e) => normalisePhone(e.phone)).find((p) => p !== null) ?? null
  const office = ofType('parliamentary office')[0]
  if (!office) return { email: null, postalAddress: null, westminsterPhone: null, constituencyPhone }
  const email = office.email?.trim() || null
  const lines = [office.line1, office.line2, office.line3, office.line4, office.line5, office.postcode]
    .map((l) => l?.trim())
    .filter((l): l is string => !!l)
  return {
    email: email && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email) ? email : null,
    postalAddress: lines.length ? lines.join(', ') : null,
    westminsterPhone: normalisePhone(office.phone),
    constituencyPhone,
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapWithConcurrency<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i])
    }
  })
  await Promise.all(runners)
  return results
}

/** Parliament's public page for a member, where constituents find every way to contact them. */
export function memberProfileUrl(memberId: number) {
  return `https://members.parliament.uk/member/${memberId}/contact`
}
