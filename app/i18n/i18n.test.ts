// Welsh and English (decision 110): which language a visitor gets, and that a supporter's emails are written
// in the language they signed in, with where to get help in their footer (decision 111). Real database, the
// real Resend SDK against its stub.
import { beforeEach, describe, expect, it } from 'vitest'
import { deliverAllDue } from '~/emails/outbox.server'
import { emailSamples } from '~/emails/email-samples'
import { renderEmail } from '~/emails/templates.server'
import { prisma } from '~/lib/db.server'
import { confirmSignature } from '~/petition/confirm.server'
import { submitSignature } from '~/petition/sign-submission.server'
import { loader as homeLoader } from '~/routes/home'
import { testContext } from '~/testing/context'
import { cy } from './cy.server'
import { en } from './en.server'
import { englishPath, localePath, otherLanguagePath } from './language'
import { translateFieldErrors } from './messages.server'
import { languageCookie, prefersWelsh, resolveLanguage } from './resolve.server'
import { helpLinesSchema, defaultHelpLines, forgetHelpLines } from '~/campaign/help-lines.server'
import { makeOutboxDue } from '~/testing/outbox'

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}


beforeEach(async () => {
  testContext().resend.reset()
  testContext().postcodes.setMode('up')
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "RateLimit", "Setting" CASCADE`
  forgetHelpLines()
})

describe('which language a visitor gets', () => {
  it('path first, then the switch’s cookie, then Accept-Language, then English', () => {
    // The path wins over everything.
    expect(resolveLanguage({ pathname: '/cy/map', chosen: 'en', acceptLanguage: 'en-GB' })).toEqual({ language: 'cy', from: 'path' })
    expect(resolveLanguage({ pathname: '/cy', chosen: undefined, acceptLanguage: null })).toEqual({ language: 'cy', from: 'path' })
    // No language in the path: the cookie, whatever the browser says.
    expect(resolveLanguage({ pathname: '/', chosen: 'en', acceptLanguage: 'cy' })).toEqual({ language: 'en', from: 'cookie' })
    expect(resolveLanguage({ pathname: '/', chosen: 'cy', acceptLanguage: 'en-GB' })).toEqual({ language: 'cy', from: 'cookie' })
    // No cookie (or a forged one): the browser.
    expect(resolveLanguage({ pathname: '/', chosen: 'fr', acceptLanguage: 'cy,en;q=0.8' })).toEqual({ language: 'cy', from: 'accept-language' })
    // Nothing: English.
    expect(resolveLanguage({ pathname: '/', chosen: undefined, acceptLanguage: null })).toEqual({ language: 'en', from: 'default' })
    expect(resolveLanguage({ pathname: '/cymru', chosen: undefined, acceptLanguage: 'de' })).toEqual({ language: 'en', from: 'default' })
  })

  it('reads Accept-Language by weight and order, and does not parse a header longer than any browser sends', () => {
    expect(prefersWelsh('cy')).toBe(true)
    expect(prefersWelsh('cy-GB,cy;q=0.9,en-GB;q=0.8,en;q=0.7')).toBe(true)
    expect(prefersWelsh('en-GB,en;q=0.9,cy;q=0.8')).toBe(false)
    expect(prefersWelsh('en;q=0.5, cy;q=0.9')).toBe(true)
    expect(prefersWelsh('en, cy')).toBe(false)
    expect(prefersWelsh('cy;q=0, en')).toBe(false)
    expect(prefersWelsh('fr, de')).toBe(false)
    expect(prefersWelsh(`cy,${'x'.repeat(600)}`)).toBe(false)
  })

  it('maps paths between the two languages', () => {
    expect(localePath('cy', '/')).toBe('/cy')
    expect(localePath('cy', '/#sign')).toBe('/cy#sign')
    expect(localePath('cy', '/petition/signed?undeliverable=1')).toBe('/cy/petition/signed?undeliverable=1')
    expect(localePath('en', '/write')).toBe('/write')
    expect(englishPath('/cy/map/E14001438')).toBe('/map/E14001438')
    expect(otherLanguagePath('/cy', 'cy')).toBe('/')
    expect(otherLanguagePath('/privacy', 'en')).toBe('/cy/privacy')
  })

  it('sends a Welsh reader of / to /cy, privately, and keys / on what decided it', async () => {
    const load = (headers: Record<string, string>) =>
      homeLoader({ request: new Request('http://campaign.test/?utm_source=x', { headers }), params: {}, context: {} } as Parameters<typeof homeLoader>[0])
    const thrown = await load({ 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5' }).then(
      () => null,
      (r: unknown) => r,
    )
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(302)
    expect((thrown as Response).headers.get('Location')).toBe('/cy?utm_source=x')
    expect((thrown as Response).headers.get('Cache-Control')).toBe('private, no-store')
    expect((thrown as Response).headers.get('Vary')).toBe('Accept-Language, Cookie')

    // Chose English with the switch: stays, whatever the browser says.
    const english = await load({ 'Accept-Language': 'cy', Cookie: await languageCookie.serialize('en') })
    expect(english.language).toBe('en')
    expect(english.words.signForm.name).toBe('Full name')
    // Chose Welsh: redirected even from an English browser.
    await expect(load({ 'Accept-Language': 'en-GB', Cookie: await languageCookie.serialize('cy') })).rejects.toBeInstanceOf(Response)
    // /cy is Welsh for everyone.
    const welsh = await homeLoader({ request: new Request('http://campaign.test/cy'), params: {}, context: {} } as Parameters<typeof homeLoader>[0])
    expect(welsh.language).toBe('cy')
    expect(welsh.words.signForm.name).toBe('Enw llawn')
    expect(welsh.prose?.figures).toHaveLength(6)
    expect(welsh.prose?.figures.map((f) => f.value)).toEqual(english.prose?.figures.map((f) => f.value))
  })
})

describe('the sign form in Welsh', () => {
  it('says what is wrong in Welsh, field by field', async () => {
    const outcome = await submitSignature(form({ name: '', email: 'not-an-email', postcode: 'nowhere' }), { ipAddress: '203.0.113.9', language: 'cy' })
    expect(outcome.status).toBe('invalid')
    if (outcome.status !== 'invalid') return
    const welsh = translateFieldErrors(outcome.result, 'cy')
    expect(welsh.error).toEqual({
      name: [cy.validation.nameRequired],
      email: [cy.validation.emailFormat],
      postcode: [cy.validation.postcodeInvalid],
    })
    // English pages keep the English messages.
    expect(translateFieldErrors(outcome.result, 'en').error?.name).toEqual([en.validation.nameRequired])
  })
})

describe('emails in the language the supporter signed in', () => {
  it('a Welsh signer’s confirmation is Welsh, links to the Welsh pages, and says where to get help', async () => {
    const outcome = await submitSignature(form({ name: 'Gwen Jones', email: 'gwen@example.org', postcode: 'CF10 1AA' }), { ipAddress: '203.0.113.10', language: 'cy' })
    expect(outcome.status).toBe('signed')
    expect((await prisma.signature.findFirstOrThrow()).language).toBe('cy')

    await deliverAllDue()
    const [email] = testContext().resend.emails
    expect(email.subject).toBe(cy.email.confirmationSubject)
    expect(email.html).toContain('lang="cy"')
    expect(email.html).toContain('Annwyl Gwen Jones,')
    expect(email.html).toContain(cy.email.confirmButton)
    expect(email.html).toContain('http://campaign.test/cy/privacy')
    expect(email.text).toContain(cy.email.countsOnce)
    const token = email.html?.match(/http:\/\/campaign\.test\/cy\/petition\/confirm\/([A-Za-z0-9_-]+)/)?.[1]
    expect(token).toBeTruthy()
    // Where to get help, in Welsh, with the numbers as tel: links.
    expect(email.html).toContain(defaultHelpLines.cy.heading)
    expect(email.html).toContain('href="tel:08088005000"')
    expect(email.html).toContain('href="tel:08001111"')
    expect(email.text).toContain('0800 1111')
    expect(email.html).not.toContain('Dear ')

    // Signing again (in English, even) is answered in the language they first signed in.
    await confirmSignature(token)
    await submitSignature(form({ name: 'Gwen Jones', email: 'gwen@example.org', postcode: 'CF10 1AA' }), { ipAddress: '203.0.113.10', language: 'en' })
    await makeOutboxDue()
    await deliverAllDue()
    const again = testContext().resend.emails[1]
    expect(again.subject).toBe(cy.email.alreadySignedSubject)
    expect(again.html).toContain('http://campaign.test/cy/write')
  })

  it('an English signer’s confirmation is as it was, with the help lines in English', async () => {
    await submitSignature(form({ name: 'Suzie Jones', email: 'suzie@example.org', postcode: 'RG1 1AA' }), { ipAddress: '203.0.113.11' })
    expect((await prisma.signature.findFirstOrThrow()).language).toBe('en')
    await deliverAllDue()
    const [email] = testContext().resend.emails
    expect(email.subject).toBe('Confirm your signature: Duty of Care petition')
    expect(email.html).toContain('lang="en"')
    expect(email.html).toMatch(/http:\/\/campaign\.test\/petition\/confirm\//)
    expect(email.html).toContain('NSPCC Helpline')
    expect(email.html).toContain('help@nspcc.org.uk')
    expect(email.text).toContain('Childline, for children and young people, free and confidential: 0800 1111, childline.org.uk')
  })

  it('a letter to an MP carries no help lines', async () => {
    const { text, html } = await renderEmail('letter-to-mp', { letter: emailSamples['letter-to-mp'].letter })
    expect(html).not.toContain('Childline')
    expect(text).not.toContain('Childline')
  })

  it('a campaigner’s wording replaces the defaults in pages and emails alike', async () => {
    const edited = { ...defaultHelpLines, cy: { ...defaultHelpLines.cy, heading: 'Cymorth i chi' } }
    expect(helpLinesSchema.parse(edited)).toEqual(edited)
    expect(helpLinesSchema.safeParse({ ...edited, contacts: { ...edited.contacts, childlinePhone: 'call us' } }).success).toBe(false)
    expect(helpLinesSchema.safeParse({ ...edited, contacts: { ...edited.contacts, childlineWeb: 'javascript:alert(1)' } }).success).toBe(false)
  })
})
