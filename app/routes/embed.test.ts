// The embeddable widget: which pages may be framed, signing through it with no
// cookie, and the dashboard's snippets.
import { beforeEach, describe, expect, it } from 'vitest'
import { outcome, routeArgs, signedInCampaigner } from '~/admin/testing.server'
import { prisma } from '~/lib/db.server'
import { action as embedSignAction, loader as embedSignLoader } from '~/routes/embed-sign'
import { loader as embedLoader } from '~/routes/embed'
import { loader as adminEmbedLoader } from '~/routes/admin.embed'
import { isFramablePath } from '~/embed/framing'
import { partnerCode } from '~/embed/partner'

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "RateLimit" CASCADE`
})

function post(path: string, fields: Record<string, string>) {
  // The framed page posts to itself: its Origin is ours, whatever site framed it.
  return new Request(`http://campaign.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://campaign.test' },
    body: new URLSearchParams(fields),
  })
}

describe('framing', () => {
  it('lets other sites frame the widget’s two pages and nothing else', () => {
    expect(isFramablePath('/embed')).toBe(true)
    expect(isFramablePath('/embed/sign')).toBe(true)
    for (const path of ['/', '/map', '/embed/', '/EMBED', '/embed/sign/', '/embed/signed', '/admin/embed', '/embed%2Fsign']) {
      expect(isFramablePath(path), path).toBe(false)
    }
  })

  it('keeps only a well-formed partner code', () => {
    expect(partnerCode('pat-news_2')).toBe('pat-news_2')
    for (const bad of [null, '', 'a b', '<script>', 'x'.repeat(41), 'pat&ref=1']) expect(partnerCode(bad), String(bad)).toBeNull()
  })
})

describe('signing inside the widget', () => {
  it('stores the signature, sets no cookie, and answers inside the frame', async () => {
    const response = (await embedSignAction(
      routeArgs(post('/embed/sign?partner=pat-news', { name: 'Pat Partner', email: 'pat@example.org', postcode: 'CF24 0AA' })),
    )) as Response
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/embed/sign?signed=1&partner=pat-news')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await prisma.signature.findFirstOrThrow({ where: { email: 'pat@example.org' } })).toMatchObject({ state: 'pending', postcode: 'CF24 0AA' })
    expect(await prisma.email.count({ where: { to: 'pat@example.org', kind: 'signature_confirmation' } })).toBe(1)

    const answer = (await embedSignLoader(routeArgs(new Request('http://campaign.test/embed/sign?signed=1&partner=pat-news')))) as Awaited<ReturnType<typeof embedSignLoader>>
    expect(answer).toMatchObject({ answer: 'signed', action: '/embed/sign?partner=pat-news', campaignUrl: 'http://campaign.test/?partner=pat-news' })
  })

  it('gives field errors (400) and keeps a bad partner code off every address', async () => {
    const invalid = await outcome(() => embedSignAction(routeArgs(post('/embed/sign', { name: '', email: 'nope', postcode: '' }))))
    expect(invalid.status).toBe(400)
    expect(Object.keys(invalid.value.data.result.error)).toEqual(expect.arrayContaining(['name', 'email', 'postcode']))
    expect(await prisma.signature.count()).toBe(0)

    const page = (await embedSignLoader(routeArgs(new Request('http://campaign.test/embed/sign?partner=%22%3E%3Cscript%3E')))) as Awaited<ReturnType<typeof embedSignLoader>>
    expect(page.action).toBe('/embed/sign')
    const widget = (await embedLoader(routeArgs(new Request('http://campaign.test/embed?partner=pat-news')))) as Awaited<ReturnType<typeof embedLoader>>
    expect(widget.signUrl).toBe('http://campaign.test/?partner=pat-news#sign')
  })
})

describe('the dashboard’s snippets', () => {
  it('carry the partner code, escaped, and refuse a code that is not one', async () => {
    const viewer = await signedInCampaigner('viewer')
    const page = (await adminEmbedLoader(routeArgs(viewer.request('/admin/embed?partner=pat-news')))) as Awaited<ReturnType<typeof adminEmbedLoader>>
    expect(page.snippets.map((s) => s.code)).toEqual([
      '<iframe src="http://campaign.test/embed?partner=pat-news" title="Duty of Care petition: the count so far" width="100%" height="300" style="border:0;max-width:480px" loading="lazy"></iframe>',
      '<iframe src="http://campaign.test/embed/sign?partner=pat-news" title="Sign the Duty of Care petition" width="100%" height="900" style="border:0;max-width:560px" loading="lazy"></iframe>',
    ])
    expect(page.snippets.map((s) => s.path)).toEqual(['/embed?partner=pat-news', '/embed/sign?partner=pat-news'])

    const none = (await adminEmbedLoader(routeArgs(viewer.request('/admin/embed')))) as Awaited<ReturnType<typeof adminEmbedLoader>>
    expect(none.snippets[0].code).toContain('src="http://campaign.test/embed"')

    const bad = (await adminEmbedLoader(routeArgs(viewer.request('/admin/embed?partner=%22%3E%3Cscript%3E')))) as Awaited<ReturnType<typeof adminEmbedLoader>>
    expect(bad.snippets).toEqual([])
    expect(bad.result?.error?.partner?.[0]).toMatch(/only letters, numbers, hyphens and underscores/)

    expect((await outcome(() => adminEmbedLoader(routeArgs(new Request('http://campaign.test/admin/embed'))))).status).toBe(302)
  })

  it('ask for the Welsh widget with ?lang=cy when a partner chooses Cymraeg, with Welsh frame titles', async () => {
    const viewer = await signedInCampaigner('viewer')
    const page = (await adminEmbedLoader(routeArgs(viewer.request('/admin/embed?partner=menter-iaith&language=cy')))) as Awaited<ReturnType<typeof adminEmbedLoader>>
    expect(page.language).toBe('cy')
    expect(page.snippets.map((s) => s.path)).toEqual(['/embed?lang=cy&partner=menter-iaith', '/embed/sign?lang=cy&partner=menter-iaith'])
    expect(page.snippets[1].code).toBe(
      '<iframe src="http://campaign.test/embed/sign?lang=cy&amp;partner=menter-iaith" title="Llofnodwch ddeiseb Dyletswydd Gofal" width="100%" height="900" style="border:0;max-width:560px" loading="lazy"></iframe>',
    )
    // The Welsh widget those addresses ask for.
    const widget = (await embedLoader(routeArgs(new Request(`http://campaign.test${page.snippets[0].path}`)))) as Awaited<ReturnType<typeof embedLoader>>
    expect(widget.language).toBe('cy')
    expect(widget.signUrl).toBe('http://campaign.test/cy?partner=menter-iaith#sign')

    const english = (await adminEmbedLoader(routeArgs(viewer.request('/admin/embed?language=en')))) as Awaited<ReturnType<typeof adminEmbedLoader>>
    expect(english.snippets[0].path).toBe('/embed')
    const bad = (await adminEmbedLoader(routeArgs(viewer.request('/admin/embed?language=fr')))) as Awaited<ReturnType<typeof adminEmbedLoader>>
    expect(bad.snippets).toEqual([])
    expect(bad.result?.error?.language?.[0]).toBe('Choose English or Cymraeg')
  })
})
