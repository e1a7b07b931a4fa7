// A stand-in for postcodes.io that answers in its JSON shapes: single lookup,
// bulk lookup, 404 for unknown postcodes; can be switched to failing or slow.
import { startHttpStub, type RunningStub } from './http-stub'
import { postcodeFixtures, type PostcodeFixture } from './postcodes-fixtures'

export interface PostcodesStub extends RunningStub {
  lookups: string[]
  /** 'down' answers 503; 'slow' answers after 10 s. */
  setMode: (mode: 'up' | 'down' | 'slow') => void
}

const squash = (p: string) => p.replace(/\s+/g, '').toUpperCase()

function result(f: PostcodeFixture) {
  const [outcode, incode] = f.postcode.split(' ')
  return {
    postcode: f.postcode,
    quality: 1,
    country: f.country,
    region: f.country === 'England' ? 'South East' : null,
    outcode,
    incode,
    admin_district: f.district,
    parish: null,
    parliamentary_constituency: f.constituency,
    parliamentary_constituency_2024: f.constituency,
    codes: {
      admin_district: 'E06000038',
      parliamentary_constituency: f.code,
      parliamentary_constituency_2024: f.code,
    },
  }
}

export async function startPostcodesStub(port = 0, fixtures = postcodeFixtures): Promise<PostcodesStub> {
  const byPostcode = new Map(fixtures.map((f) => [squash(f.postcode), f]))
  const lookups: string[] = []
  let mode: 'up' | 'down' | 'slow' = 'up'
  const stub = await startHttpStub((req) => {
    if (req.path === '/_stub/mode' && req.method === 'POST') {
      mode = (req.body as { mode: typeof mode }).mode
      return { status: 204 }
    }
    if (mode === 'down') return { status: 503, body: { status: 503, error: 'Service Unavailable' } }
    const delayMs = mode === 'slow' ? 10_000 : 0
    const single = req.path.match(/^\/postcodes\/([^/]+)$/)
    if (req.method === 'GET' && single) {
      const query = decodeURIComponent(single[1])
      lookups.push(query)
      const found = byPostcode.get(squash(query))
      return found
        ? { status: 200, body: { status: 200, result: result(found) }, delayMs }
        : { status: 404, body: { status: 404, error: 'Postcode not found' }, delayMs }
    }
    if (req.method === 'POST' && req.path === '/postcodes') {
      const postcodes = (req.body as { postcodes?: string[] })?.postcodes
      if (!Array.isArray(postcodes)) return { status: 400, body: { status: 400, error: 'Invalid JSON query submitted.' } }
      if (postcodes.length > 100) return { status: 400, body: { status: 400, error: 'Too many postcodes submitted. Up to 100 postcodes can be bulk requested at a time' } }
      lookups.push(...postcodes)
      return {
        status: 200,
        delayMs,
        body: {
          status: 200,
          result: postcodes.map((query) => {
            const found = byPostcode.get(squash(query))
            return { query, result: found ? result(found) : null }
          }),
        },
      }
    }
    return { status: 404, body: { status: 404, error: 'Resource not found' } }
  }, port)
  return { ...stub, lookups, setMode: (m) => (mode = m) }
}
