// Call your MP through its routes: the panel after the postcode step on /write, "I called"
// (POST /write/call: bounded, rate-limited, nothing about the caller), the thank-you page,
// the admins' call script (/admin/call-script) and calls on the dashboard.
import { beforeEach, describe, expect, it } from 'vitest'
import { constituencyTable } from '~/admin/figures.server'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'
import { prisma } from '~/lib/db.server'
import { rateRules } from '~/lib/rate-limit.server'
import { forgetPlaces } from '~/mps/lookup.server'
import { syncMps } from '~/mps/sync.server'
import * as callScriptPage from '~/routes/admin.call-script'
import { loader as seatPage } from '~/routes/map-seat'
import { loader as figuresJson } from '~/routes/admin-figures-json'
import * as write from '~/routes/write'
import * as writeCall from '~/routes/write-call'
import * as writeCalled from '~/routes/write-called'
import { testContext } from '~/testing/context'

const READING = 'E14001438'

function post(path: string, fields: Record<string, string>, ip = '198.51.100.1') {
  const request = new Request(`${TEST_APP_URL}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_APP_URL },
  })
  return { request, params: {}, context: { clientIp: ip, socketAddress: ip, cspNonce: '' } } as never
}

beforeEach(async () => {
  testContext().members.reset()
  testContext().postcodes.setMode('up')
  forgetPlaces()
  await prisma.$executeRaw`TRUNCATE "Call", "CallScript", "Email", "Letter", "Mp", "Constituency", "Setting", "RateLimit", "Campaigner", "CampaignerSession", "AuditEntry" CASCADE`
  await syncMps({ retryBaseMs: 5, timeoutMs: 2_000 })
})

describe('the call panel on /write', () => {
  it('comes with the letter after the postcode step: both offices’ numbers and the script for this MP and seat', async () => {
    const answer = await outcome(() => write.action(post('/write', { postcode: 'RG1 1AA' })))
    expect(answer.status).toBe(200)
    const { call } = answer.value as { call: Record<string, unknown> }
    expect(call).toMatchObject({ mpId: 4654, mpName: 'Matt Rodda', seatCode: READING, seatName: 'Reading Central', westminsterPhone: '020 7219 3000', constituencyPhone: '0118 496 0123' })
    expect(call.script).toContain('I am calling to ask Matt Rodda to support')
    expect(call.script).toContain('I live in Reading Central')
  })

  it('is offered for an MP we cannot email, with Parliament’s contact page when there is no number', async () => {
    // Claire Hanna (BT7 1NN) stands in: her email and phone removed at the source, then synced.
    const hanna = testContext().members.members.find((m) => m.id === 4827)!
    Object.assign(hanna, { email: null, westminsterPhone: null })
    await syncMps({ retryBaseMs: 5, timeoutMs: 2_000 })
    const answer = await outcome(() => write.action(post('/write', { postcode: 'BT7 1NN' })))
    const { call, answer: mp } = answer.value.data as { call: Record<string, unknown>; answer: { status: string } }
    expect(mp.status).toBe('no-email')
    expect(call).toMatchObject({ mpId: 4827, westminsterPhone: null, constituencyPhone: null, profileUrl: 'https://members.parliament.uk/member/4827/contact' })
  })
})

describe('I called', () => {
  it('counts the call for the seat and shows the thank-you page; no personal data is needed or stored', async () => {
    await outcome(() => write.action(post('/write', { postcode: 'RG1 1AA' }))) // the seat gets its ONS code, as on the page
    const answer = await outcome(() => writeCall.action(post('/write/call', { mpId: '4654', seat: READING })))
    expect(answer.status).toBe(303)
    expect(answer.value.headers.get('location')).toBe('/write/called?mp=4654')
    expect(await prisma.call.findMany({ select: { mpId: true, constituencyCode: true } })).toEqual([{ mpId: 4654, constituencyCode: READING }])

    const thanks = await writeCalled.loader(routeArgs(new Request(`${TEST_APP_URL}/write/called?mp=4654`)))
    expect(thanks.mp).toEqual({ name: 'Matt Rodda', seatName: 'Reading Central', seatCode: READING })
    for (const id of ['', 'abc', '99999999', '-1', '1e3']) {
      expect((await writeCalled.loader(routeArgs(new Request(`${TEST_APP_URL}/write/called?mp=${id}`)))).mp, id).toBeNull()
    }
  })

  it('answers a forged or oversized form with a page, never a 500, and counts nothing', async () => {
    await outcome(() => write.action(post('/write', { postcode: 'RG1 1AA' })))
    for (const fields of [{} as Record<string, string>, { mpId: 'abc', seat: READING }, { mpId: '4654', seat: 'nowhere' }, { mpId: '4654', seat: 'E14001172' }, { mpId: '1', seat: READING }]) {
      expect((await outcome(() => writeCall.action(post('/write/call', fields)))).status, JSON.stringify(fields)).toBe(400)
    }
    expect((await outcome(() => writeCall.action(post('/write/call', { mpId: '4'.repeat(5_000), seat: READING })))).status).toBe(413)
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, 'x']))
    expect((await outcome(() => writeCall.action(post('/write/call', { mpId: '4654', seat: READING, ...many })))).status).toBe(413)
    expect(await prisma.call.count()).toBe(0)
    // Opening the address is not pressing the button.
    expect((await outcome(() => Promise.resolve(writeCall.loader({ request: new Request('http://localhost/write/call') } as never)))).status).toBe(303)
  })

  it('is limited per network, like letters: a clear 429 with Retry-After', async () => {
    await outcome(() => write.action(post('/write', { postcode: 'RG1 1AA' })))
    for (let i = 0; i < rateRules.callsPerIp.points; i++) {
      expect((await outcome(() => writeCall.action(post('/write/call', { mpId: '4654', seat: READING }, '198.51.100.9')))).status).toBe(303)
    }
    const refused = await outcome(() => writeCall.action(post('/write/call', { mpId: '4654', seat: READING }, '198.51.100.9')))
    expect(refused.status).toBe(429)
    expect(refused.value.init.headers['Retry-After']).toMatch(/^\d+$/)
    expect(refused.value.data.message).toContain('several calls from your connection')
    expect(await prisma.call.count()).toBe(rateRules.callsPerIp.points)
  })
})

describe('the call script (admins)', () => {
  const script = 'Hello, I live in {{constituency}}. Please ask {{mp_name}} to back a Duty of Care for tech companies.'

  it('is for admins only', async () => {
    expect((await outcome(() => callScriptPage.loader(routeArgs(new Request(`${TEST_APP_URL}/admin/call-script`))))).status).toBe(302)
    const viewer = await signedInCampaigner('viewer')
    expect((await outcome(() => callScriptPage.loader(routeArgs(viewer.request('/admin/call-script'))))).status).toBe(403)
    const form = { method: 'POST', body: new URLSearchParams({ body: script, intent: 'save' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    expect((await outcome(() => callScriptPage.action(routeArgs(viewer.request('/admin/call-script', form))))).status).toBe(403)
    expect(await prisma.callScript.count()).toBe(0)
  })

  it('previews for an example MP, refuses unknown merge fields with a field message, and saves with an audit entry', async () => {
    const admin = await signedInCampaigner('admin')
    const send = (fields: Record<string, string>) =>
      outcome(() =>
        callScriptPage.action(
          routeArgs(admin.request('/admin/call-script', { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } })),
        ),
      )
    const loaded = await callScriptPage.loader(routeArgs(admin.request('/admin/call-script')))
    expect(loaded.body).toContain('{{mp_name}}')

    const preview = await send({ body: script, intent: 'preview' })
    expect(preview.status).toBe(200)
    expect(preview.value.preview).toBe('Hello, I live in Reading Central. Please ask Jane Example MP to back a Duty of Care for tech companies.')
    expect(await prisma.callScript.count()).toBe(0)

    const typo = await send({ body: script.replace('{{mp_name}}', '{{mp}}'), intent: 'save' })
    expect(typo.status).toBe(400)
    expect(typo.value.data.result.error.body[0]).toContain('{{mp}}')

    const saved = await send({ body: script, intent: 'save' })
    expect(saved.status).toBe(303)
    expect((await prisma.callScript.findUniqueOrThrow({ where: { id: 1 } })).body).toBe(script)
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'call-script.update' } })
    expect(entry.details).toMatchObject({ after: script })
  })
})

describe('calls on the dashboard', () => {
  it('counts calls by seat and over time beside letters, in /admin/figures.json', async () => {
    await outcome(() => write.action(post('/write', { postcode: 'RG1 1AA' })))
    for (let i = 0; i < 3; i++) await outcome(() => writeCall.action(post('/write/call', { mpId: '4654', seat: READING }, `198.51.100.${20 + i}`)))
    const viewer = await signedInCampaigner('viewer')
    const response = (await figuresJson(routeArgs(viewer.request('/admin/figures.json')))) as Response
    const figures = await response.json()
    expect(figures.calls).toEqual({ total: 3, mpsCalled: 1, topSeats: [{ onsCode: READING, name: 'Reading Central', mp: 'Matt Rodda', calls: 3, letters: 0 }] })
    expect(figures.perHour.at(-1).calls).toBe(3)
    expect(figures.perDay.at(-1).calls).toBe(3)
    expect((await constituencyTable('reading central'))[0]).toMatchObject({ onsCode: READING, calls: 3 })
    // The public seat page says how many called (a count, nobody named).
    expect((await seatPage(routeArgs(new Request(`${TEST_APP_URL}/map/${READING}`), { onsCode: READING }))).calls).toBe(3)
  })
})
