// A letter written on the Welsh pages (decision 110, 112): it starts from the Welsh template, records its
// language, the writer's emails go in Welsh (links to /cy pages), the lines we add to the MP's email follow
// the letter's language while the writer's words go as written; the form's errors are in Welsh; admins edit
// the Welsh template and call script beside the English, each validated. Real database, Resend SDK against its stub.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'
import { defaultCallScriptCy, defaultLetterTemplateCy } from '~/campaign/content.write.cy'
import { deliverAllDue } from '~/emails/outbox.server'
import { prisma } from '~/lib/db.server'
import { forgetPlaces } from '~/mps/lookup.server'
import * as callScriptPage from '~/routes/admin.call-script'
import * as letterTemplatePage from '~/routes/admin.letter-template'
import * as writePreview from '~/routes/write-preview'
import * as write from '~/routes/write'
import { testContext } from '~/testing/context'
import { beginLetter, requestLetter, type ComposeStart } from '~/letters/compose.server'
import { confirmLetter } from '~/letters/confirm.server'
import { PLACEHOLDERS_CY } from '~/letters/letter-text'
import { sendReplySurveys } from '~/letters/progress.server'
import { letterInput, MP_ADDRESS, OWN_WORDS, setUpMpDirectory } from '~/letters/testing.server'

function post(path: string, fields: Record<string, string>) {
  return new Request(`${TEST_APP_URL}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
}

async function welshStart(): Promise<ComposeStart> {
  forgetPlaces()
  const begun = await beginLetter('RG1 1AA', {}, 'cy')
  if (begun.status !== 'compose') throw new Error(begun.status)
  return begun.start
}

beforeAll(setUpMpDirectory)

beforeEach(async () => {
  testContext().resend.reset()
  testContext().postcodes.setMode('up')
  await prisma.$executeRaw`TRUNCATE "Email", "Letter", "RateLimit", "AuditEntry", "Campaigner" CASCADE`
})

describe('a letter written in Welsh', () => {
  it('starts from the Welsh template; the English page still starts from the English one', async () => {
    const start = await welshStart()
    expect(start.body).toMatch(/^Annwyl Matt Rodda,/)
    expect(start.body).toContain(`Yn gywir,\n${PLACEHOLDERS_CY.name}`)
    expect(start.prompts).toEqual(defaultLetterTemplateCy.prompts)
    expect(defaultLetterTemplateCy.subjects.map((s) => s.replace('{{constituency}}', 'Reading Central'))).toContain(start.subject)
    const english = await beginLetter('RG1 1AA')
    expect(english.status === 'compose' && english.start.body).toMatch(/^Dear Matt Rodda,/)
  })

  it('is stored as Welsh, and its writer is written to in Welsh; the MP gets their words with our lines in Welsh', async () => {
    const start = await welshStart()
    const input = letterInput(start, { body: start.body.replace('Gofynnwch i Brif Weinidog', `${OWN_WORDS}\n\nGofynnwch i Brif Weinidog`) })
    expect(await requestLetter(input, { ipAddress: '192.0.2.40', language: 'cy' })).toEqual({ status: 'requested' })
    const letter = await prisma.letter.findFirstOrThrow({ where: { email: 'priya@example.org' } })
    expect(letter.language).toBe('cy')
    // The writer's words, with the Welsh placeholder filled in.
    expect(letter.body).toContain('Yn gywir,\nPriya Shah')

    await deliverAllDue()
    const [confirmation] = testContext().resend.emails
    expect(confirmation.subject).toBe('Cadarnhewch eich llythyr at Matt Rodda')
    expect(confirmation.html).toContain('lang="cy"')
    expect(confirmation.text).toContain('Annwyl Priya Shah,')
    expect(confirmation.text).toContain('Cafodd llythyr at Matt Rodda, AS dros Reading Central, ei ysgrifennu')
    const token = confirmation.html?.match(/http:\/\/campaign\.test\/cy\/write\/confirm\/([A-Za-z0-9_-]{43})/)?.[1]
    expect(token, 'the link opens the Welsh confirm page').toBeTruthy()

    testContext().resend.reset()
    expect(await confirmLetter(token)).toMatchObject({ status: 'confirmed' })
    await deliverAllDue()
    const toMp = testContext().resend.emails.find((e) => e.to.includes(MP_ADDRESS))!
    const copy = testContext().resend.emails.find((e) => e.to.includes('priya@example.org'))!
    expect(toMp.subject).toBe(input.subject)
    expect(toMp.text).toContain(OWN_WORDS)
    expect(toMp.text).toContain('Anfonwyd y llythyr hwn drwy wefan ymgyrch Dyletswydd Gofal')
    expect(toMp.text).not.toContain('This letter was sent through')
    expect(toMp.from).toContain('Priya Shah drwy Dyletswydd Gofal')
    expect(copy.subject).toBe(`Eich llythyr at Matt Rodda: ${input.subject}`)
    expect(copy.text).toContain('Annwyl Priya Shah,')
    expect(copy.text).toContain('Diolch. Mae eich llythyr ar ei ffordd at Matt Rodda')

    // Two weeks later: the reply survey, in Welsh, its links to the Welsh page.
    testContext().resend.reset()
    await prisma.letter.update({ where: { id: letter.id }, data: { state: 'sent', sentAt: new Date(Date.now() - 15 * 24 * 3600 * 1000) } })
    expect(await sendReplySurveys()).toBe(1)
    await deliverAllDue()
    const [survey] = testContext().resend.emails
    expect(survey.subject).toBe('A wnaeth Matt Rodda ateb eich llythyr?')
    expect(survey.text).toContain('Do, fe wnaethon nhw ateb: http://campaign.test/cy/write/reply/')
  })

  it('an English letter stays English in every email, as before', async () => {
    forgetPlaces()
    const begun = await beginLetter('RG1 1AA')
    if (begun.status !== 'compose') throw new Error(begun.status)
    await requestLetter(letterInput(begun.start), { ipAddress: '192.0.2.41' })
    expect((await prisma.letter.findFirstOrThrow({ where: { email: 'priya@example.org' } })).language).toBe('en')
    await deliverAllDue()
    const [confirmation] = testContext().resend.emails
    expect(confirmation.subject).toBe('Confirm your letter to Matt Rodda')
    expect(confirmation.html).toContain('http://campaign.test/write/confirm/')
  })

  it('tells a Welsh writer what is wrong with the form in Welsh, and an English writer in English', async () => {
    const fields = { mpId: '4654', subject: '', body: 'byr', name: '', email: 'nope', addressLine1: '', town: '', postcode: 'RG1 1AA' }
    const cy = await outcome(() => writePreview.action(routeArgs(post('/cy/write/preview', fields))))
    expect(cy.status).toBe(400)
    const errors = cy.value.data.result.error
    expect(errors.subject).toEqual(['Rhowch bwnc i’ch llythyr'])
    expect(errors.body).toEqual(['Rhaid i’ch llythyr fod yn o leiaf 50 nod'])
    expect(errors.addressLine1).toEqual(['Rhowch linell gyntaf eich cyfeiriad'])
    expect(errors.town).toEqual(['Rhowch eich tref neu ddinas'])
    // The Welsh template stays the one the meter measures against.
    expect(cy.value.data.context.template).toBe(defaultLetterTemplateCy.body)
    const en = await outcome(() => writePreview.action(routeArgs(post('/write/preview', fields))))
    expect(en.value.data.result.error.subject).toEqual(['Enter a subject for your letter'])
    // An unknown postcode on the first step, in Welsh.
    testContext().postcodes.setMode('up')
    const find = await outcome(() => write.action(routeArgs(post('/cy/write', { postcode: 'ZZ99 9ZZ' }))))
    expect(JSON.stringify(find.value)).toMatch(/Ni allem ddod o hyd i’r cod post|Rhowch god post/)
  })
})

describe('the Welsh template and call script, edited by admins', () => {
  const english = {
    subjects: 'Please act, {{mp_name}}',
    body: 'Dear {{mp_name}},\n\nPlease back a Duty of Care for children online. It matters in {{constituency}}.\n\n{{name}}',
    prompts: 'Why does it matter to you?',
  }
  const welsh = {
    subjectsCy: 'Gweithredwch, {{mp_name}}',
    bodyCy: 'Annwyl {{mp_name}},\n\nCefnogwch Ddyletswydd Gofal i blant ar-lein. Mae’n bwysig yn {{constituency}}.\n\n{{name}}',
    promptsCy: 'Pam mae’n bwysig i chi?',
  }

  it('saves both languages of the letter template, previewed, audited; the Welsh one is validated with errors naming it', async () => {
    const admin = await signedInCampaigner('admin')
    const loaded = await letterTemplatePage.loader(routeArgs(admin.request('/admin/letter-template')))
    expect(loaded.templateCy.body).toBe(defaultLetterTemplateCy.body)

    const bad = await outcome(() =>
      letterTemplatePage.action(routeArgs(admin.request('/admin/letter-template', { method: 'POST', body: new URLSearchParams({ ...english, subjectsCy: '', bodyCy: 'Annwyl bawb, dyma lythyr heb enw’r AS ynddo o gwbl, sy’n ddigon hir.', promptsCy: '', intent: 'save' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }))),
    )
    expect(bad.status).toBe(400)
    expect(bad.value.data.result.error.subjectsCy).toEqual(['Enter at least one Welsh subject line'])
    expect(bad.value.data.result.error.bodyCy).toEqual(['Keep {{mp_name}} in the Welsh letter, so it greets the MP by name'])
    expect(bad.value.data.result.error.body).toBeUndefined()

    const send = (intent: string) =>
      outcome(() =>
        letterTemplatePage.action(routeArgs(admin.request('/admin/letter-template', { method: 'POST', body: new URLSearchParams({ ...english, ...welsh, intent }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }))),
      )
    const preview = await send('preview')
    expect(preview.value.previewCy.body).toContain('Annwyl Jane Example MP')
    expect(preview.value.preview.body).toContain('Dear Jane Example MP')
    expect(await prisma.auditEntry.count({ where: { action: 'letter-template.update' } })).toBe(0)
    expect((await send('save')).status).toBe(303)
    expect(await prisma.letterTemplate.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ subjectsCy: ['Gweithredwch, {{mp_name}}'], bodyCy: welsh.bodyCy, promptsCy: ['Pam mae’n bwysig i chi?'], body: english.body })
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'letter-template.update' } })
    expect(entry.details).toMatchObject({ afterCy: { body: welsh.bodyCy }, beforeCy: null, after: { body: english.body } })
    // Back to the defaults for the other tests.
    await prisma.letterTemplate.update({ where: { id: 1 }, data: { subjectsCy: [], bodyCy: '', promptsCy: [] } })
  })

  it('saves the Welsh call script beside the English, with the same rules', async () => {
    const admin = await signedInCampaigner('admin')
    const loaded = await callScriptPage.loader(routeArgs(admin.request('/admin/call-script')))
    expect(loaded.bodyCy).toBe(defaultCallScriptCy)
    const send = (fields: Record<string, string>) =>
      outcome(() => callScriptPage.action(routeArgs(admin.request('/admin/call-script', { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }))))
    const body = 'Hello, I live in {{constituency}} and I am calling {{mp_name}} about the Duty of Care.'
    const bad = await send({ body, bodyCy: 'Helo, rwy’n ffonio {{mp}} am y Ddyletswydd Gofal heddiw.', intent: 'save' })
    expect(bad.status).toBe(400)
    expect(bad.value.data.result.error.bodyCy[0]).toMatch(/the Welsh call script has \{\{mp\}\}/)
    const bodyCy = 'Helo, rwy’n byw yn {{constituency}} ac rwy’n ffonio {{mp_name}} am y Ddyletswydd Gofal.'
    const preview = await send({ body, bodyCy, intent: 'preview' })
    expect(preview.value.previewCy).toContain('rwy’n ffonio Jane Example MP')
    expect((await send({ body, bodyCy, intent: 'save' })).status).toBe(303)
    expect(await prisma.callScript.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ body, bodyCy })
    expect((await prisma.auditEntry.findFirstOrThrow({ where: { action: 'call-script.update' } })).details).toMatchObject({ afterCy: bodyCy })
    await prisma.callScript.update({ where: { id: 1 }, data: { bodyCy: '' } })
  })
})
