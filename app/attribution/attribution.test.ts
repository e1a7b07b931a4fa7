// Where supporters come from, on a real database: the landing's codes travel as hidden
// fields onto signatures and letters (junk dropped, never an error), each confirmed signer
// gets a random referral code, the thanks page counts who signed through it, and the
// dashboard's Sources figures add them up.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { signedInCampaigner } from '~/admin/testing.server'
import { exportSources, sourceFigures, sourceRows } from '~/admin/sources.server'
import { prisma } from '~/lib/db.server'
import { composeAgain } from '~/letters/compose-again.server'
import { previewLetter, requestLetter } from '~/letters/compose.server'
import { composeStart, letterInput, setUpMpDirectory } from '~/letters/testing.server'
import { deliverAllDue } from '~/emails/outbox.server'
import { confirmSignature } from '~/petition/confirm.server'
import { newReferralCode, referralLinkFor, REFERRAL_CODE_LENGTH } from '~/petition/referral.server'
import { submitSignature } from '~/petition/sign-submission.server'
import { rememberSupporter } from '~/petition/supporter-cookie.server'
import { anonymiseSignatures } from '~/retention/anonymise.server'
import { loader as homeLoader } from '~/routes/home'
import { action as writeAction, loader as writeLoader } from '~/routes/write'
import { testContext } from '~/testing/context'
import { makeOutboxDue } from '~/testing/outbox'
import { attributionFromUrl } from './codes'

let ip = 0

/** The sign form as a browser posts it: visible fields plus whatever hidden ones it carried. */
async function sign(email: string, hidden: Record<string, string | string[]> = {}) {
  const form = new FormData()
  form.set('name', 'Priya Shah')
  form.set('email', email)
  form.set('postcode', 'RG1 1AA')
  for (const [name, value] of Object.entries(hidden)) for (const v of [value].flat()) form.append(name, v)
  const outcome = await submitSignature(form, { ipAddress: `198.51.100.${++ip % 250}` })
  expect(outcome.status).toBe('signed')
}

/** Confirms the signature of `email` as its emailed link's button does; returns its id. */
async function confirm(email: string) {
  await makeOutboxDue()
  await deliverAllDue()
  const mail = testContext().resend.emails.filter((e) => e.to.includes(email)).at(-1)
  const token = mail?.html?.match(/\/petition\/confirm\/([A-Za-z0-9_-]+)/)?.[1]
  const outcome = await confirmSignature(token)
  if (outcome.status !== 'confirmed') throw new Error(`could not confirm ${email}: ${outcome.status}`)
  return outcome.signatureId
}

/** The request the thanks page gets right after the confirm button's 303 (it carries the supporter cookie). */
async function thanksRequest(signatureId: string) {
  const setCookie = await rememberSupporter(signatureId)
  return new Request('http://campaign.test/petition/thanks', { headers: { cookie: setCookie.split(';')[0] } })
}

const sourceOf = (email: string) =>
  prisma.signature.findFirstOrThrow({
    where: { email },
    select: { utmSource: true, utmMedium: true, utmCampaign: true, partner: true, referredBy: true, referralCode: true },
  })

beforeAll(setUpMpDirectory)

beforeEach(async () => {
  testContext().resend.reset()
  testContext().postcodes.setMode('up')
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Letter", "RateLimit" CASCADE`
})

describe('the landing’s codes', () => {
  it('are read from the landing page’s address into the form’s hidden fields, junk left out', async () => {
    const request = new Request('http://campaign.test/?utm_source=newsletter&utm_medium=email&utm_campaign=dec-26&partner=acme&ref=AbCdE23456&other=x')
    const { attribution } = await homeLoader({ request, params: {}, context: {} } as Parameters<typeof homeLoader>[0])
    expect(attribution).toEqual({ utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'dec-26', partner: 'acme', ref: 'abcde23456' })

    expect(attributionFromUrl('http://campaign.test/?utm_source=https://evil.example/?email=priya@example.org&partner=a.b&utm_medium=' + 'x'.repeat(41))).toEqual({})
    expect(attributionFromUrl('http://campaign.test/?utm_source=%3Cscript%3E&utm_campaign=spring%20launch&ref=')).toEqual({})
  })

  it('are stored on the signature from the hidden fields', async () => {
    await sign('priya@example.org', { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'dec-26', partner: 'acme', ref: 'abcde23456' })
    expect(await sourceOf('priya@example.org')).toEqual({
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: 'dec-26',
      partner: 'acme',
      referredBy: 'abcde23456',
      referralCode: null,
    })
  })

  it('drop anything that is not a short code without troubling the signer: a URL, an address, a long value, a repeated field', async () => {
    await sign('sam@example.org', {
      utm_source: 'https://news.example/article?reader=sam@example.org',
      utm_medium: 'sam@example.org',
      utm_campaign: 'c'.repeat(41),
      partner: ['acme', 'globex'],
      ref: 'not a code',
    })
    expect(await sourceOf('sam@example.org')).toEqual({ utmSource: null, utmMedium: null, utmCampaign: null, partner: null, referredBy: null, referralCode: null })
  })

  it('are never overwritten by signing again', async () => {
    await sign('priya@example.org', { utm_source: 'newsletter', partner: 'acme' })
    await sign('Priya@Example.org', { utm_source: 'facebook', utm_medium: 'share', partner: 'globex', ref: 'zzzzzzzzzz' })
    await confirm('priya@example.org')
    await sign('priya@example.org', { utm_source: 'x' })
    expect(await sourceOf('priya@example.org')).toMatchObject({ utmSource: 'newsletter', utmMedium: null, partner: 'acme', referredBy: null })
  })

  it('ride through every step of /write: the postcode form, the letter form, the preview, and back after an error', async () => {
    const landing = new Request('http://campaign.test/write?utm_source=newsletter&partner=acme&utm_medium=a%20b')
    expect((await writeLoader({ request: landing, params: {}, context: {} } as Parameters<typeof writeLoader>[0])).attribution).toEqual({
      utm_source: 'newsletter',
      partner: 'acme',
    })
    const find = new URLSearchParams({ postcode: 'RG1 1AA', utm_source: 'newsletter', partner: 'acme' })
    const post = new Request('http://campaign.test/write', { method: 'POST', body: find, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    const composing = (await writeAction({ request: post, params: {}, context: {} } as Parameters<typeof writeAction>[0])) as { step: string; attribution?: unknown }
    expect(composing).toMatchObject({ step: 'compose', attribution: { utm_source: 'newsletter', partner: 'acme' } })

    const start = await composeStart()
    const preview = await previewLetter(letterInput(start, { utm_source: 'newsletter', partner: 'acme', ref: 'https://x.example/' }))
    expect(preview.status === 'preview' && preview.preview.values).toMatchObject({ utm_source: 'newsletter', partner: 'acme', ref: undefined })

    const back = new FormData()
    back.set('mpId', String(start.mp.id))
    back.set('utm_source', 'newsletter')
    back.set('utm_campaign', '<script>')
    const again = await composeAgain(back, undefined, 400)
    expect(again.data.context.attribution).toEqual({ utm_source: 'newsletter' })
  })

  it('are stored on a letter from the fields carried through /write, and kept from its first request', async () => {
    const start = await composeStart()
    const outcome = await requestLetter(letterInput(start, { utm_source: 'newsletter', utm_medium: 'email', partner: 'acme', ref: 'abcde23456', utm_campaign: 'https://x.example/' }))
    expect(outcome.status).toBe('requested')
    await requestLetter(letterInput(start, { utm_source: 'whatsapp', subject: 'A second go' }))
    const letter = await prisma.letter.findFirstOrThrow({ select: { utmSource: true, utmMedium: true, utmCampaign: true, partner: true, referredBy: true, subject: true } })
    expect(letter).toEqual({ utmSource: 'newsletter', utmMedium: 'email', utmCampaign: null, partner: 'acme', referredBy: 'abcde23456', subject: 'A second go' })
  })
})

describe('a supporter’s referral link', () => {
  it('gets a random code on confirmation, unique, not derived from the email', async () => {
    await sign('priya@example.org')
    await sign('priya+again@example.com')
    expect((await sourceOf('priya@example.org')).referralCode).toBeNull()
    await confirm('priya@example.org')
    await confirm('priya+again@example.com')
    const codes = (await prisma.signature.findMany({ select: { referralCode: true } })).map((s) => s.referralCode)
    for (const code of codes) expect(code).toMatch(new RegExp(`^[a-z2-7]{${REFERRAL_CODE_LENGTH}}$`))
    expect(new Set(codes).size).toBe(2)
    // Signing the same way again would not give the same code: it comes from randomness alone.
    const many = Array.from({ length: 20_000 }, newReferralCode)
    expect(new Set(many).size).toBe(many.length)
    const letters = new Set(many.join(''))
    expect(letters.size).toBe(32)
  })

  it('says on the thanks page how many people have signed through it, counting confirmed signatures only', async () => {
    await sign('priya@example.org')
    const priya = await confirm('priya@example.org')
    const link = await referralLinkFor(await thanksRequest(priya))
    const code = (await sourceOf('priya@example.org')).referralCode!
    expect(link).toEqual({ url: `http://campaign.test/?ref=${code}`, signedThrough: 0 })

    for (const friend of ['a@example.org', 'b@example.org', 'c@example.org']) await sign(friend, { ref: code })
    await confirm('a@example.org')
    await confirm('b@example.org')
    expect(await referralLinkFor(await thanksRequest(priya))).toEqual({ url: `http://campaign.test/?ref=${code}`, signedThrough: 2 })
    // A struck-out signature stops counting.
    await prisma.signature.updateMany({ where: { email: 'b@example.org' }, data: { state: 'invalidated' } })
    expect((await referralLinkFor(await thanksRequest(priya)))?.signedThrough).toBe(1)
  })

  it('is not shown without the confirm button’s cookie, nor for a signature not confirmed', async () => {
    expect(await referralLinkFor(new Request('http://campaign.test/petition/thanks'))).toBeNull()
    await sign('priya@example.org')
    const pending = await prisma.signature.findFirstOrThrow({ select: { id: true } })
    expect(await referralLinkFor(await thanksRequest(pending.id))).toBeNull()
  })

  it('keeps its code and its count when its owner is anonymised, and the friends it brought still count', async () => {
    await sign('priya@example.org')
    const priya = await confirm('priya@example.org')
    const code = (await sourceOf('priya@example.org')).referralCode!
    await sign('a@example.org', { ref: code })
    await confirm('a@example.org')
    const before = await sourceFigures()
    await prisma.$transaction((tx) => anonymiseSignatures(tx, [priya], new Date()))
    const row = await prisma.signature.findUniqueOrThrow({ where: { id: priya }, select: { email: true, referralCode: true } })
    expect(row).toEqual({ email: '', referralCode: code })
    expect((await sourceFigures()).topReferralCodes).toEqual(before.topReferralCodes)
  })
})

describe('the dashboard’s Sources figures', () => {
  it('add up confirmed signatures and letters by source, medium, campaign and partner, per day, and by referral', async () => {
    await sign('priya@example.org', { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'dec-26' })
    const priya = await confirm('priya@example.org')
    const code = (await prisma.signature.findUniqueOrThrow({ where: { id: priya } })).referralCode!
    await sign('a@example.org', { utm_source: 'newsletter', utm_medium: 'email', partner: 'acme' })
    await sign('b@example.org', { partner: 'acme' })
    await sign('c@example.org', { utm_source: 'whatsapp', utm_medium: 'share', ref: code })
    await sign('pending@example.org', { utm_source: 'newsletter', partner: 'acme' })
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) await confirm(email)
    const start = await composeStart()
    await requestLetter(letterInput(start, { utm_source: 'newsletter', partner: 'acme' }))
    await prisma.letter.updateMany({ data: { state: 'confirmed', confirmedAt: new Date() } })

    const figures = await sourceFigures()
    expect(figures.totals).toEqual({ signatures: 4, letters: 1 })
    expect(figures.by.source).toEqual([
      { value: 'newsletter', signatures: 2, letters: 1 },
      { value: 'whatsapp', signatures: 1, letters: 0 },
      { value: null, signatures: 1, letters: 0 },
    ])
    expect(figures.by.medium).toEqual([
      { value: 'email', signatures: 2, letters: 0 },
      { value: 'share', signatures: 1, letters: 0 },
      { value: null, signatures: 1, letters: 1 },
    ])
    expect(figures.by.campaign).toEqual([
      { value: 'dec-26', signatures: 1, letters: 0 },
      { value: null, signatures: 3, letters: 1 },
    ])
    expect(figures.by.partner).toEqual([
      { value: 'acme', signatures: 2, letters: 1 },
      { value: null, signatures: 2, letters: 0 },
    ])
    expect(figures.referral).toEqual({ signatures: 1, share: 0.25 })
    expect(figures.topReferralCodes).toEqual([{ code, signatures: 1 }])

    expect(figures.perDay.days).toHaveLength(30)
    expect(figures.perDay.sources).toEqual(['newsletter', 'whatsapp', null])
    const today = figures.perDay.days.at(-1)!
    expect(today.counts).toEqual([2, 1, 1])
    expect(figures.perDay.days.slice(0, -1).every((d) => d.counts.every((n) => n === 0) && d.other === 0)).toBe(true)

    const rows = sourceRows(figures)
    expect(rows).toContainEqual(['Source (utm_source)', 'newsletter', null, 2, 1])
    expect(rows).toContainEqual(['Partner (?partner=)', 'acme', null, 2, 1])
    expect(rows).toContainEqual(['Top referral codes', code, null, 1, null])
    expect(rows).toContainEqual(['Per day by source', 'newsletter', today.day, 2, null])
    // Codes and figures only: no address, name or postcode anywhere in the export.
    expect(JSON.stringify(rows)).not.toMatch(/example\.org|Priya|RG1/)
  })
  it('download as a CSV with the same figures, neutralised, and the download is audited', async () => {
    await sign('priya@example.org', { utm_source: '-2.1', partner: 'acme' })
    await confirm('priya@example.org')
    const admin = await signedInCampaigner('admin')
    const response = await exportSources(admin.campaigner as Parameters<typeof exportSources>[0])
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="duty-of-care-sources-\d{4}-\d{2}-\d{2}\.csv"$/)
    const csv = (await response.text()).replace(/^\uFEFF/, '')
    expect(csv.split('\r\n')[0]).toBe('"Table","Code","Day","Confirmed signatures","Letters confirmed"')
    expect(csv).toContain(`"Source (utm_source)","'-2.1",,1,0`)
    expect(csv).toContain('"Partner (?partner=)","acme",,1,0')
    expect(csv).not.toContain('priya')
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'export.sources' } })
    expect(entry).toMatchObject({ campaignerId: admin.campaigner.id, details: { personalData: false } })
  })
})
