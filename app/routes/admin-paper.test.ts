// /admin/paper: admins only, same-origin only; an upload is one multipart POST whose answer is the
// preview page (or the file's problem, with the form); /admin/campaign switches the public total.
import { beforeEach, describe, expect, it } from 'vitest'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'
import { prisma } from '~/lib/db.server'
import * as campaign from '~/routes/admin.campaign'
import * as paper from '~/routes/admin.paper'
import * as detail from '~/routes/admin.paper-detail'

const CSV = 'Full name,Postcode,Email,Consent,Date,Event\r\nAnn Good,RG1 2LU,ann@example.org,yes,2026-11-01,Fair\r\n,RG1 1AA,,,2026-11-01,Fair\r\n'

function upload(text: string, name = 'fair.csv') {
  const body = new FormData()
  body.append('file', new File([text], name, { type: 'text/csv' }))
  return { method: 'POST', body }
}

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "PaperSignature", "PaperImport", "Campaigner", "CampaignerSession", "AuditEntry", "PetitionCount", "Setting", "Constituency" CASCADE`
})

describe('/admin/paper', () => {
  it('is for admins: viewers and the signed-out are refused, and so is a form from another site', async () => {
    const viewer = await signedInCampaigner('viewer')
    expect((await outcome(() => paper.loader(routeArgs(viewer.request('/admin/paper'))))).status).toBe(403)
    expect((await outcome(() => paper.action(routeArgs(viewer.request('/admin/paper', upload(CSV))))))).toMatchObject({ status: 403 })
    expect((await outcome(() => paper.loader(routeArgs(new Request(`${TEST_APP_URL}/admin/paper`)))))).toMatchObject({ status: 302 })
    const admin = await signedInCampaigner('admin')
    const crossSite = new Request(`${TEST_APP_URL}/admin/paper`, { ...upload(CSV), headers: { cookie: admin.cookie, origin: 'https://evil.test' } })
    expect((await outcome(() => paper.action(routeArgs(crossSite))))).toMatchObject({ status: 403 })
    expect(await prisma.paperImport.count()).toBe(0)
  })

  it('previews an upload, then imports it from the preview page', async () => {
    const admin = await signedInCampaigner('admin')
    const uploaded = await outcome(() => paper.action(routeArgs(admin.request('/admin/paper', upload(CSV)))))
    expect(uploaded.status).toBe(303)
    const location = uploaded.value.headers.get('location') as string
    const id = location.split('/').pop()!
    expect(location).toBe(`/admin/paper/${id}`)
    const shown = await detail.loader(routeArgs(admin.request(location), { id }))
    expect(shown.view).toMatchObject({ state: 'previewed', goodCount: 1, problems: [{ row: 2, code: 'missing-name' }] })
    const imported = await outcome(() => detail.action(routeArgs(admin.request(location, { method: 'POST', body: new URLSearchParams({ intent: 'import' }) }), { id })))
    expect(imported.status).toBe(303)
    expect(await prisma.paperImport.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'imported' })
    expect((await outcome(() => detail.loader(routeArgs(admin.request('/admin/paper/not-an-id'), { id: 'not-an-id' }))))).toMatchObject({ status: 404 })
  })

  it('answers a file it cannot read with the reason and the form, never a 500', async () => {
    const admin = await signedInCampaigner('admin')
    for (const [text, reason] of [
      ['', /Choose a CSV file/],
      ['Full name,Postcode,Date,Event\r\n"Ann,RG1 2LU,2026-11-01,Fair\r\n', /never closed/],
      ['\uFFFF\uD800', /not text in UTF-8|no rows/],
    ] as const) {
      const result = await outcome(() => paper.action(routeArgs(admin.request('/admin/paper', upload(text)))))
      expect(result.status).toBe(400)
      expect(result.value.data.error).toMatch(reason)
    }
    const bytes = new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe, 0x0a])
    const body = new FormData()
    body.append('file', new File([bytes], 'latin1.csv'))
    const latin = await outcome(() => paper.action(routeArgs(admin.request('/admin/paper', { method: 'POST', body }))))
    expect(latin.value.data.error).toMatch(/not text in UTF-8/)
    expect(await prisma.paperImport.count()).toBe(0)
  })
})

describe('/admin/campaign: paper signatures in the public total', () => {
  it('is off by default; an admin turns it on and off, audited', async () => {
    const admin = await signedInCampaigner('admin')
    expect((await campaign.loader(routeArgs(admin.request('/admin/campaign')))).paper).toEqual({ included: false, paperCount: 0 })
    const on = await outcome(() => campaign.action(routeArgs(admin.request('/admin/campaign', { method: 'POST', body: new URLSearchParams({ intent: 'paper-total', paperInTotal: 'on' }) }))))
    expect(on.status).toBe(303)
    expect((await campaign.loader(routeArgs(admin.request('/admin/campaign')))).paper.included).toBe(true)
    expect((await prisma.petitionCount.findFirstOrThrow()).paperIncluded).toBe(true)
    await campaign.action(routeArgs(admin.request('/admin/campaign', { method: 'POST', body: new URLSearchParams({ intent: 'paper-total' }) })))
    expect((await campaign.loader(routeArgs(admin.request('/admin/campaign')))).paper.included).toBe(false)
    expect(await prisma.auditEntry.count({ where: { action: 'paper-signatures.public-total' } })).toBe(2)
  })
})
