// Calling your MP: phone numbers synced from the Members API (stub) and made safe,
// the script merged as text, and "I called" counted per seat with nothing about the caller.
import { renderToStaticMarkup } from 'react-dom/server'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { rateRules } from '~/lib/rate-limit.server'
import { findMp, forgetPlaces } from '~/mps/lookup.server'
import { normalisePhone, telHref } from '~/mps/phone'
import { syncMps } from '~/mps/sync.server'
import { testContext } from '~/testing/context'
import { CallPanel } from './call-panel'
import { callOffer, recordCall, type CallOffer } from './calls.server'
import { callCopy } from './copy'
import { mergeScript, unknownMergeFields } from './script'
import { callScriptSchema, defaultCallScript } from './script.server'

const fast = { retryBaseMs: 5, timeoutMs: 2_000 }
const READING = 'E14001438'

beforeEach(async () => {
  const { members, postcodes } = testContext()
  members.reset()
  postcodes.setMode('up')
  forgetPlaces()
  await prisma.$executeRaw`TRUNCATE "Call", "CallScript", "Email", "Letter", "Mp", "Constituency", "Setting", "RateLimit" CASCADE`
})

describe('MP phone numbers', () => {
  it('keeps the first dialable number, as digits, spaces and a leading +', () => {
    expect(normalisePhone('020 7219 3000')).toBe('020 7219 3000')
    expect(normalisePhone('Tel: (020) 7946 0018 / 07700 900123')).toBe('020 7946 0018')
    expect(normalisePhone('+44 (0)20 7219 3000')).toBe('+44 20 7219 3000')
    expect(normalisePhone('01234-567890 ext 12')).toBe('01234 567890')
    expect(normalisePhone('0118 496 0123; 0118 496 0999')).toBe('0118 496 0123')
    expect(normalisePhone('020\t7219   3000')).toBe('020 7219 3000')
  })

  it('refuses what is not a phone number, and anything long before any pattern runs', () => {
    for (const bad of [null, undefined, '', 'none', 'Please email', '123', '1'.repeat(16), 'javascript:alert(1)', `0${'1'.repeat(200)}`, '<script>0118 496</script>']) {
      expect(normalisePhone(bad), String(bad)).toBeNull()
    }
    const started = Date.now()
    expect(normalisePhone(' '.repeat(1_000_000) + '0118 496 0123')).toBeNull()
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('links a number with tel: and no spaces', () => {
    expect(telHref('020 7219 3000')).toBe('tel:02072193000')
    expect(telHref('+44 20 7219 3000')).toBe('tel:+442072193000')
  })

  it('syncs each MP’s Westminster and constituency office numbers from the contact record', async () => {
    const api = testContext().members
    api.members.find((m) => m.id === 5173)!.constituencyPhone = 'Office: 01252 000000 (Mon–Fri, 9–5)'
    api.members.find((m) => m.id === 5343)!.westminsterPhone = 'x'.repeat(5_000)
    await syncMps(fast)
    const phones = async (id: number) => prisma.mp.findUniqueOrThrow({ where: { id }, select: { westminsterPhone: true, constituencyPhone: true } })
    expect(await phones(4654)).toEqual({ westminsterPhone: '020 7219 3000', constituencyPhone: '0118 496 0123' })
    expect(await phones(5257)).toEqual({ westminsterPhone: '020 7219 6000', constituencyPhone: '020 7946 0018' })
    expect(await phones(473)).toEqual({ westminsterPhone: null, constituencyPhone: null })
    expect(await phones(5173)).toEqual({ westminsterPhone: '020 7219 3000', constituencyPhone: '01252 000000' })
    expect(await phones(5343)).toEqual({ westminsterPhone: null, constituencyPhone: null })

    // A changed number is picked up; a contact record that cannot be fetched keeps the last one.
    api.members.find((m) => m.id === 4654)!.constituencyPhone = '0118 496 0999'
    await syncMps(fast)
    expect((await phones(4654)).constituencyPhone).toBe('0118 496 0999')
    api.setMode('contacts-down')
    await syncMps({ ...fast, attempts: 1 })
    expect((await phones(4654)).constituencyPhone).toBe('0118 496 0999')
  })
})

function renderPanel(offer: CallOffer) {
  const router = createMemoryRouter([{ path: '/write', element: <CallPanel offer={offer} /> }], { initialEntries: ['/write'] })
  return renderToStaticMarkup(<RouterProvider router={router} />)
}

const offer: CallOffer = {
  mpId: 4654,
  mpName: 'Matt Rodda',
  seatCode: READING,
  seatName: 'Reading Central',
  westminsterPhone: '020 7219 3000',
  constituencyPhone: '0118 496 0123',
  profileUrl: 'https://members.parliament.uk/member/4654/contact',
  script: 'Hello.',
}

describe('the call panel and its script', () => {
  it('merges the MP’s name and seat into the script as plain text', () => {
    expect(mergeScript('Ask {{ mp_name }} for {{constituency}}. {{name}} stays.', { mpName: 'Matt Rodda', constituency: 'Reading Central' })).toBe(
      'Ask Matt Rodda for Reading Central. {{name}} stays.',
    )
    expect(mergeScript(defaultCallScript, { mpName: 'A', constituency: 'B' })).not.toMatch(/\{\{/)
    expect(unknownMergeFields('{{mp_name}} {{mp}} {{town}} {{mp}}')).toEqual(['mp', 'town'])
  })

  it('shows both offices’ numbers as tel: links with the number as text, and the I called form', () => {
    const html = renderPanel(offer)
    expect(html).toContain('<a href="tel:02072193000" class="text-2xl font-bold tabular-nums">020 7219 3000</a>')
    expect(html).toContain('<a href="tel:01184960123" class="text-2xl font-bold tabular-nums">0118 496 0123</a>')
    expect(html).toContain('Westminster office (House of Commons)')
    expect(html).toContain('Constituency office, in Reading Central')
    expect(html).toContain('action="/write/call"')
    expect(html).toContain('name="mpId" value="4654"')
    expect(html).toContain(`name="seat" value="${READING}"`)
    expect(html).toContain('>I called</button>')
  })

  it('omits a missing office, and links to Parliament’s contact page when there is no number at all', () => {
    const one = renderPanel({ ...offer, westminsterPhone: null })
    expect(one).not.toContain('Westminster office')
    expect(one).toContain('tel:01184960123')
    const none = renderPanel({ ...offer, westminsterPhone: null, constituencyPhone: null })
    expect(none).not.toContain('tel:')
    expect(none).toContain('Matt Rodda does not list a phone number with Parliament.')
    expect(none).toContain('href="https://members.parliament.uk/member/4654/contact"')
  })

  it('escapes whatever the script, the MP’s name or the seat say', async () => {
    await prisma.callScript.create({ data: { body: 'Call {{mp_name}} <img src=x onerror=alert(1)> about {{constituency}}.\n\n<script>alert(2)</script>' } })
    const mp = { id: 1, name: '<b>Evil</b> MP', fullTitle: '', party: 'X', postalAddress: null, profileUrl: 'https://members.parliament.uk/member/1/contact', westminsterPhone: '020 7219 3000', constituencyPhone: null }
    // The script is cached for 30 s in a running app; here the first read is the stored one.
    const merged = await callOffer(mp, { code: READING, name: 'Reading & "Central"' })
    const html = renderPanel(merged)
    expect(html).not.toMatch(/<img|<script|<b>Evil/)
    expect(html).toContain('Call &lt;b&gt;Evil&lt;/b&gt; MP &lt;img src=x onerror=alert(1)&gt; about Reading &amp; &quot;Central&quot;.')
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
  })

  it('validates the script an admin saves: length and merge fields', () => {
    expect(callScriptSchema.safeParse({ body: 'Too short' }).success).toBe(false)
    expect(callScriptSchema.safeParse({ body: 'x'.repeat(3_001) }).success).toBe(false)
    const typo = callScriptSchema.safeParse({ body: `Please ask {{mp}} to back the bill. ${'words '.repeat(10)}` })
    expect(typo.success).toBe(false)
    expect(typo.error?.issues[0].message).toContain('{{mp}}')
    expect(callScriptSchema.parse({ body: `Please ask {{mp_name}} to back the bill.\r\n\r\n\r\nThanks ${'words '.repeat(10)}` }).body).toMatch(/bill\.\n\nThanks/)
  })

  it('has every English message in Welsh too', () => {
    expect(Object.keys(callCopy.cy).sort()).toEqual(Object.keys(callCopy.en).sort())
    for (const [key, text] of Object.entries(callCopy.cy)) expect(text.trim(), key).not.toBe('')
  })
})

describe('recording a call', () => {
  async function readingMp() {
    await syncMps(fast)
    const found = await findMp('RG1 1AA')
    if (found.status !== 'found') throw new Error(found.status)
    return found
  }

  it('counts a call for the MP’s seat and stores nothing about the caller', async () => {
    const found = await readingMp()
    const outcome = await recordCall({ mpId: found.mp.id, seat: found.seat.code }, { ipAddress: '203.0.113.7' })
    expect(outcome).toEqual({ status: 'recorded', mpId: 4654 })
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Call"`
    expect(rows).toHaveLength(1)
    // strikeOutId: a campaigner's strike-out (decision 079), nothing about the caller.
    expect(Object.keys(rows[0]).sort()).toEqual(['constituencyCode', 'createdAt', 'id', 'mpId', 'strikeOutId'])
    expect(rows[0]).toMatchObject({ mpId: 4654, constituencyCode: READING })
    expect(JSON.stringify(rows)).not.toContain('203.0.113')
  })

  it('refuses a seat that is not the MP’s, an unknown MP and a former MP', async () => {
    const found = await readingMp()
    await findMp('SW1A 1AA') // another seat the stub knows
    const other = await prisma.constituency.findFirstOrThrow({ where: { onsCode: { not: READING } } })
    expect(await recordCall({ mpId: found.mp.id, seat: other.onsCode }, { ipAddress: '203.0.113.8' })).toEqual({ status: 'unknown-mp' })
    expect(await recordCall({ mpId: 999_999, seat: READING }, { ipAddress: '203.0.113.8' })).toEqual({ status: 'unknown-mp' })
    await prisma.mp.update({ where: { id: found.mp.id }, data: { status: 'former' } })
    expect(await recordCall({ mpId: found.mp.id, seat: READING }, { ipAddress: '203.0.113.8' })).toEqual({ status: 'unknown-mp' })
    expect(await prisma.call.count()).toBe(0)
  })

  it('limits calls per network: the next one is refused with a retry time, another network is counted', async () => {
    const found = await readingMp()
    const input = { mpId: found.mp.id, seat: found.seat.code }
    for (let i = 0; i < rateRules.callsPerIp.points; i++) expect((await recordCall(input, { ipAddress: `2001:db8:5::${i + 1}` })).status).toBe('recorded')
    const refused = await recordCall(input, { ipAddress: '2001:db8:5::ffff' })
    expect(refused.status).toBe('rate-limited')
    expect(refused.status === 'rate-limited' && refused.retryAfterSeconds).toBeGreaterThan(0)
    expect((await recordCall(input, { ipAddress: '2001:db8:6::1' })).status).toBe('recorded')
    expect(await prisma.call.count()).toBe(rateRules.callsPerIp.points + 1)
  })
})
