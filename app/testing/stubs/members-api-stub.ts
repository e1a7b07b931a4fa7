// A stand-in for the UK Parliament Members API that answers in its JSON shapes:
// GET /Members/Search (paged by skip/take, at most 20 a page, totalResults),
// GET /Members/{id}/Contact (Parliamentary office, constituency office, website),
// 404 for unknown members. Tests change the members (a new MP, a changed email,
// a vacancy) and script failures: 'down' (503), 'slow' (answers after 20 s),
// 'contacts-down', or failNext(n) for the next n requests.
import { startHttpStub, type RunningStub, type StubResponse } from './http-stub'
import { memberFixtures, type MemberFixture } from './members-fixtures'

/** 'contacts-down': Search answers, every Contact request gets 503. */
export type MembersMode = 'up' | 'down' | 'slow' | 'contacts-down'

export interface MembersStub extends RunningStub {
  /** The current members it serves; change freely in tests. */
  members: MemberFixture[]
  /** Paths (with query) of every request, in order. */
  requests: string[]
  setMode: (mode: MembersMode) => void
  /** The next `count` API requests answer `status` (default 500). */
  failNext: (count: number, status?: number) => void
  reset: () => void
}

const MAX_TAKE = 20

/** Parliament's own constituency ids are not ONS codes; the stub makes up stable ones. */
function constituencyId(name: string) {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 4000
  return 3000 + h
}

function partyOf(name: string) {
  return {
    id: name.length,
    name,
    abbreviation: name.split(/\s+/).map((w) => w[0]).join(''),
    backgroundColour: 'ffffff',
    foregroundColour: '000000',
    isLordsMainParty: false,
    isLordsSpiritualParty: false,
    governmentType: null,
    isIndependentParty: false,
  }
}

function searchItem(m: MemberFixture) {
  return {
    value: {
      id: m.id,
      nameListAs: m.nameDisplayAs,
      nameDisplayAs: m.nameDisplayAs,
      nameFullTitle: m.nameFullTitle,
      nameAddressAs: null,
      latestParty: partyOf(m.party),
      gender: 'F',
      latestHouseMembership: {
        membershipFrom: m.constituency,
        membershipFromId: constituencyId(m.constituency),
        house: 1,
        membershipStartDate: '2024-07-04T00:00:00',
        membershipEndDate: null,
        membershipEndReason: null,
        membershipEndReasonNotes: null,
        membershipEndReasonId: null,
        membershipStatus: {
          statusIsActive: true,
          statusDescription: 'Current Member',
          statusNotes: null,
          statusId: 0,
          status: 0,
          statusStartDate: '2024-07-04T00:00:00',
        },
      },
      thumbnailUrl: `https://members-api.parliament.uk/api/Members/${m.id}/Thumbnail`,
    },
    links: [
      { rel: 'self', href: `/Members/${m.id}`, method: 'GET' },
      { rel: 'overview', href: `/Members/${m.id}`, method: 'GET' },
    ],
  }
}

function contactEntries(m: MemberFixture) {
  const blank = { line2: null, line3: null, line4: null, line5: null, fax: null, notes: null, typeDescription: null }
  return [
    {
      ...blank,
      type: 'Parliamentary office',
      typeId: 1,
      isPreferred: false,
      isWebAddress: false,
      line1: 'House of Commons',
      line2: 'London',
      postcode: 'SW1A 0AA',
      phone: m.westminsterPhone === undefined ? '020 7219 3000' : m.westminsterPhone,
      email: m.email,
    },
    {
      ...blank,
      type: 'Constituency office',
      typeId: 4,
      isPreferred: true,
      isWebAddress: false,
      line1: `${m.constituency} constituency office`,
      postcode: null,
      phone: m.constituencyPhone ?? null,
      email: null,
    },
    {
      ...blank,
      type: 'Website',
      typeId: 6,
      isPreferred: false,
      isWebAddress: true,
      line1: `https://example.org/${m.id}`,
      postcode: null,
      phone: null,
      email: null,
    },
  ]
}

const notFound: StubResponse = { status: 404, body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4', title: 'Not Found', status: 404 } }

/** Query parameters are case-insensitive in the real API (ASP.NET). */
function param(query: URLSearchParams, name: string) {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value
  return null
}

export async function startMembersStub(port = 0, fixtures: MemberFixture[] = memberFixtures): Promise<MembersStub> {
  const members = fixtures.map((m) => ({ ...m }))
  const requests: string[] = []
  let mode: MembersMode = 'up'
  let failures: { count: number; status: number } = { count: 0, status: 500 }

  const stub = await startHttpStub((req) => {
    if (req.path === '/_stub/mode' && req.method === 'POST') {
      mode = (req.body as { mode: MembersMode }).mode
      return { status: 204 }
    }
    requests.push(`${req.path}${req.query.size ? `?${req.query}` : ''}`)
    if (mode === 'down') return { status: 503, body: { title: 'Service Unavailable', status: 503 } }
    if (failures.count > 0) {
      failures.count--
      return { status: failures.status, body: { title: 'Server error', status: failures.status } }
    }
    const delayMs = mode === 'slow' ? 20_000 : 0

    if (req.method === 'GET' && /^\/Members\/Search$/i.test(req.path)) {
      const house = param(req.query, 'House')
      const current = param(req.query, 'IsCurrentMember')
      if (house !== '1' || current?.toLowerCase() !== 'true') {
        return { status: 200, delayMs, body: { items: [], totalResults: 0, resultContext: '', skip: 0, take: 20, links: [] } }
      }
      const location = param(req.query, 'Location')?.toLowerCase()
      const matching = location ? members.filter((m) => m.constituency.toLowerCase() === location) : members
      const skip = Math.max(0, Number(param(req.query, 'skip') ?? 0) || 0)
      const take = Math.min(MAX_TAKE, Math.max(1, Number(param(req.query, 'take') ?? MAX_TAKE) || MAX_TAKE))
      const sorted = [...matching].sort((a, b) => a.nameDisplayAs.localeCompare(b.nameDisplayAs))
      return {
        status: 200,
        delayMs,
        body: {
          items: sorted.slice(skip, skip + take).map(searchItem),
          totalResults: sorted.length,
          resultContext: 'Current members of the House of Commons',
          skip,
          take,
          links: [],
        },
      }
    }

    const contact = req.path.match(/^\/Members\/(\d+)\/Contact$/i)
    if (req.method === 'GET' && contact) {
      if (mode === 'contacts-down') return { status: 503, body: { title: 'Service Unavailable', status: 503 } }
      const member = members.find((m) => m.id === Number(contact[1]))
      if (!member) return { ...notFound, delayMs }
      return { status: 200, delayMs, body: { value: contactEntries(member), links: [] } }
    }

    return notFound
  }, port)

  return {
    ...stub,
    members,
    requests,
    setMode: (m) => {
      mode = m
    },
    failNext: (count, status = 500) => {
      failures = { count, status }
    },
    reset: () => {
      members.splice(0, members.length, ...fixtures.map((m) => ({ ...m })))
      requests.length = 0
      mode = 'up'
      failures = { count: 0, status: 500 }
    },
  }
}
