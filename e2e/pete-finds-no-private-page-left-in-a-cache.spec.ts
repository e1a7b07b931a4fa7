// Pete checks that no page showing personal data can be kept by a browser, a shared
// computer's history cache, a proxy or a CDN: every such answer is
// `Cache-Control: private, no-store` (decision 053), while the public pages stay cacheable.
import { expect, test, type APIRequestContext } from '@playwright/test'
import { readClientManifest, routePath } from '../scripts/bench/client-manifest'
import { ADMIN } from './support/campaign'
import { appUrl } from './support/ports'

/** Pages that show the same to everyone (server/private-pages.ts): their caching is their own. */
// (/petition/thanks is not one: it shows the signer their own referral link.)
const PUBLIC = ['/', '/petition/signed', '/petition.json', '/privacy', '/accessibility', '/healthz', '/map', '/embed', '/embed/sign']
// Their Welsh twins (decision 110).
PUBLIC.push('/cy', '/cy/petition/signed', '/cy/privacy', '/cy/accessibility', '/cy/map')
const TOKEN = 'A'.repeat(43) // well-formed, unknown: the page answers (404 or a "link expired" page) all the same

function fill(path: string) {
  return path.replace(/:token/g, TOKEN).replace(/:id/g, '00000000-0000-4000-8000-000000000000')
}

async function adminCookie(request: APIRequestContext) {
  const answer = await request.post('/admin/sign-in', {
    form: { email: ADMIN.email, password: ADMIN.password, redirectTo: '/admin' },
    headers: { origin: appUrl },
    maxRedirects: 0,
  })
  const cookie = answer.headers()['set-cookie']?.split(';')[0]
  expect(cookie, `signing in: ${answer.status()}`).toMatch(/campaigner=/)
  return cookie!
}

test('every page but the public ones is private, no-store: token pages, /write, /my-data, /admin, exports, form answers', async ({ request }) => {
  const manifest = readClientManifest()
  const paths = [...new Set(Object.values(manifest.routes).filter((r) => r.id !== 'root' && (r.path || r.index)).map((r) => routePath(manifest, r.id)))]
  expect(paths).toEqual(expect.arrayContaining(['/write', '/my-data/:token', '/admin/exports/signatures.csv', '/petition/confirm/:token']))
  const cookie = await adminCookie(request)

  const checked: string[] = []
  for (const template of paths) {
    const path = fill(template)
    const isPublic = PUBLIC.includes(template)
    // Signed out and signed in (the dashboard's pages and exports answer only then); the page and its data request.
    // A file-like resource (/petition.json, an export) has no data request: that answers 404 (below).
    const dataRequest = /\.[A-Za-z0-9]{2,4}$/.test(path) ? [] : [`${path === '/' ? '/_root' : path}.data`]
    for (const url of [path, ...dataRequest]) {
      for (const headers of [{} as Record<string, string>, { cookie }]) {
        const answer = await request.get(url, { headers, maxRedirects: 0 })
        // Whatever a page or its data request is asked for, never a server error (/petition.json.data once was one).
        expect(answer.status(), url).toBeLessThan(500)
        const cacheControl = answer.headers()['cache-control'] ?? ''
        if (isPublic) expect(cacheControl, `${url} is public`).not.toContain('private')
        else expect(cacheControl, `${url} (${answer.status()})`).toBe('private, no-store')
        checked.push(url)
      }
    }
  }

  // React Router would read a resource's encoded body as JSON: such a request is a 404, never a 500.
  const resourceData = await request.get('/petition.json.data', { headers: { 'accept-encoding': 'gzip' } })
  expect(resourceData.status()).toBe(404)

  // What a form sends back shows what was typed, on any page, public or not.
  const forms: [string, Record<string, string>][] = [
    ['/?index', { name: 'Pete Private', email: 'not-an-email', postcode: 'RG1 1AA' }],
    ['/write', { postcode: 'RG1 1AA' }],
    ['/write/preview', { mpId: '1', subject: 'Hello', body: 'Too short', name: 'Pete Private', email: 'pete@example.org', addressLine1: '1 Road', town: 'Reading', postcode: 'RG1 1AA' }],
    ['/write/send', { mpId: '1', subject: 'Hello', body: 'Too short', name: 'Pete Private', email: 'pete@example.org', addressLine1: '1 Road', town: 'Reading', postcode: 'RG1 1AA' }],
    ['/write/call', { mpId: '1', seat: 'E14001438' }],
    ['/my-data', { email: 'not-an-email' }],
  ]
  for (const [url, form] of forms) {
    const answer = await request.post(url, { form, headers: { origin: appUrl }, maxRedirects: 0 })
    expect(answer.status(), url).toBeLessThan(500)
    expect(answer.headers()['cache-control'], `POST ${url} (${answer.status()})`).toBe('private, no-store')
  }
  // The postcode step answers with the letter pre-filled: private.
  const compose = await request.post('/write', { form: { postcode: 'RG1 1AA' }, headers: { origin: appUrl } })
  expect(await compose.text()).toContain('name="body"')
  expect(compose.headers()['cache-control']).toBe('private, no-store')

  // And the public pages still tell caches they may keep them.
  expect((await request.get('/petition.json')).headers()['cache-control']).toMatch(/^public/)
  expect((await request.get('/og/campaign.png')).headers()['cache-control']).toMatch(/^public/)
  for (const url of ['/map', '/embed']) expect((await request.get(url)).headers()['cache-control'] ?? '', url).not.toContain('no-store')
  console.info(`checked ${checked.length} answers`)
})
