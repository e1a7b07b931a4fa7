// A supporter's letter, end to end on a real database: compose → request →
// confirmation email → confirm → exactly one email to the MP through Resend
// (stub), a copy to the supporter, and what happens after.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { deliverAllDue } from '~/emails/outbox.server'
import { forgetPlaces } from '~/mps/lookup.server'
import { switchTargetOff } from '~/mps/targets.server'
import { testContext } from '~/testing/context'
import { makeOutboxDue } from '~/testing/outbox'
import { resendError } from '~/testing/stubs/resend-stub'
import { beginLetter, previewLetter, recordOwnMail, requestLetter, type ComposeStart } from './compose.server'
import { confirmLetter, letterToConfirm } from './confirm.server'
import { PLACEHOLDERS } from './letter-text'
import { purgeUnconfirmedLetters, recordReply, replyFigures, replySurvey, sendReplySurveys, trackLetters } from './progress.server'
import { defaultLetterTemplate, ensureLetterTemplate } from './template.server'
import { composeStart, letterInput, linkIn, MP_ADDRESS, OWN_WORDS, setUpMpDirectory } from './testing.server'

let start: ComposeStart

const compose = async (overrides: Partial<Record<string, string>> = {}) => letterInput(start, overrides)


const sentTo = (address: string) => testContext().resend.emails.filter((e) => e.to.includes(address))

beforeAll(setUpMpDirectory)

beforeEach(async () => {
  testContext().resend.reset()
  testContext().postcodes.setMode('up')
  forgetPlaces()
  await prisma.$executeRaw`TRUNCATE "Email", "Letter", "RateLimit" CASCADE`
  await prisma.mp.update({ where: { id: 4654 }, data: { targetEnabled: true, targetDisabledReason: null } })
  start = await composeStart()
})

describe('starting a letter', () => {
  it('fills the template in for the MP and the supporter’s town, with one of the campaign’s subjects', async () => {
    expect(start.mp).toMatchObject({ id: 4654, name: 'Matt Rodda', party: 'Labour' })
    expect(start.seat).toEqual({ code: 'E14001438', name: 'Reading Central' })
    expect(start.body).toMatch(/^Dear Matt Rodda,/)
    expect(start.body).toContain('I live in Reading, in your constituency of Reading Central')
    expect(start.body).toContain(`Yours sincerely,\n${PLACEHOLDERS.name}`)
    expect(start.body).not.toContain('{{')
    const subjects = defaultLetterTemplate.subjects.map((s) => s.replace('{{constituency}}', 'Reading Central'))
    expect(subjects).toContain(start.subject)
    expect(start.prompts.length).toBeGreaterThanOrEqual(2)
  })

  it('uses the name of a supporter who has just signed', async () => {
    const begun = await beginLetter('RG1 1AA', { name: 'Priya Shah', email: 'priya@example.org' })
    expect(begun.status === 'compose' && begun.start.body).toContain('Yours sincerely,\nPriya Shah')
  })

  it('never overwrites a template campaigners have edited', async () => {
    await prisma.letterTemplate.update({ where: { id: 1 }, data: { prompts: ['Edited prompt'] } })
    await ensureLetterTemplate()
    expect((await prisma.letterTemplate.findUniqueOrThrow({ where: { id: 1 } })).prompts).toEqual(['Edited prompt'])
    await prisma.letterTemplate.update({ where: { id: 1 }, data: { prompts: defaultLetterTemplate.prompts } })
  })
})

describe('previewing', () => {
  it('shows exactly what the MP receives: from, reply-to, sender details, and the closing line', async () => {
    const outcome = await previewLetter(await compose())
    if (outcome.status !== 'preview') throw new Error(outcome.status)
    const { preview } = outcome
    expect(preview.to).toBe(MP_ADDRESS)
    expect(preview.from).toBe('"Priya Shah via Duty of Care" <campaign@dutyofcare.test>')
    expect(preview.replyTo).toBe('priya@example.org')
    expect(preview.letter.sender).toEqual(['Priya Shah', '12 Castle Street', 'Reading', 'RG1 1AA', 'priya@example.org'])
    expect(preview.letter.body).toContain('Yours sincerely,\nPriya Shah')
    expect(preview.letter.body).not.toContain(PLACEHOLDERS.name)
    expect(preview.letter.footer).toContain('sent through the Duty of Care campaign website (http://campaign.test) at the request of Priya Shah')
    expect(preview.personalisation).toBeGreaterThan(0.1)
    expect(preview.personalisation).toBeLessThan(0.3)
  })

  it('refuses a postcode in another constituency, and one postcodes.io does not know', async () => {
    const elsewhere = await previewLetter(await compose({ postcode: 'GU11 1AA' }))
    expect(elsewhere).toMatchObject({ status: 'postcode-problem', message: expect.stringContaining('Aldershot') })
    const unknown = await previewLetter(await compose({ postcode: 'ZZ99 9ZZ' }))
    expect(unknown).toMatchObject({ status: 'postcode-problem', message: expect.stringContaining('could not find') })
  })

  it('says to try again, losing nothing, while postcodes.io is down', async () => {
    const letter = await compose({ postcode: 'RG1 2LU' })
    testContext().postcodes.setMode('down')
    expect(await previewLetter(letter)).toEqual({ status: 'unavailable' })
    expect(await requestLetter(letter)).toEqual({ status: 'unavailable' })
    expect(await prisma.letter.count()).toBe(0)
  })
})

describe('sending a letter', () => {
  it('sends nothing to the MP until confirmed, then exactly one email with the right from, to, reply-to and body, and a copy', async () => {
    expect(await requestLetter(await compose(), { ipAddress: '203.0.113.9' })).toEqual({ status: 'requested' })
    const letter = await prisma.letter.findFirstOrThrow()
    expect(letter).toMatchObject({ state: 'pending', channel: 'campaign_mail', mpId: 4654, constituencyCode: 'E14001438', postcode: 'RG1 1AA', ipAddress: '203.0.113.9' })
    expect(letter.fingerprint.length).toBeGreaterThan(10)

    await deliverAllDue()
    const { resend } = testContext()
    expect(resend.emails).toHaveLength(1) // the reminder waits a day
    const confirmation = resend.emails[0]
    expect(confirmation.to).toEqual(['priya@example.org'])
    expect(confirmation.subject).toBe('Confirm your letter to Matt Rodda')
    expect(confirmation.text).toContain('Matt Rodda, MP for Reading Central')
    const token = linkIn(confirmation.html, 'write/confirm')
    // The first link in the email is the confirm link.
    expect(confirmation.html?.match(/href="([^"]+)"/)?.[1]).toBe(`http://campaign.test/write/confirm/${token}`)
    expect(sentTo(MP_ADDRESS)).toHaveLength(0)

    // The link's page shows the letter as the MP will get it, and opening it sends nothing.
    const shown = await letterToConfirm(token)
    expect(shown).toMatchObject({ status: 'pending', mpName: 'Matt Rodda', constituency: 'Reading Central', subject: start.subject })
    expect(shown.status === 'pending' && shown.letter.body).toContain(OWN_WORDS)
    expect(await letterToConfirm(token)).toEqual(shown)
    expect((await prisma.letter.findFirstOrThrow()).state).toBe('pending')
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(0)

    // Its button sends it.
    expect(await confirmLetter(token)).toEqual({ status: 'confirmed', mpName: 'Matt Rodda' })
    await deliverAllDue()
    const toMp = sentTo(MP_ADDRESS)
    expect(toMp).toHaveLength(1)
    expect(toMp[0].from).toBe('"Priya Shah via Duty of Care" <campaign@dutyofcare.test>')
    expect([toMp[0].reply_to].flat()).toEqual(['priya@example.org'])
    expect(toMp[0].subject).toBe(start.subject)
    expect(toMp[0].text).toMatch(/^Priya Shah\n12 Castle Street\nReading\nRG1 1AA\npriya@example\.org\n\nDear Matt Rodda,/)
    expect(toMp[0].text).toContain(OWN_WORDS)
    expect(toMp[0].text).toMatch(/sent through the Duty of Care campaign website \(http:\/\/campaign\.test\) at the request of Priya Shah, your constituent in Reading Central\. Reply to this email to answer Priya Shah directly\.\n\n--\nSent by [^\n]+\. Registered charity number [^\n]+\.$/)
    expect(toMp[0].html).toContain('12 Castle Street')

    const copies = sentTo('priya@example.org').filter((e) => e.subject.startsWith('Your letter to Matt Rodda'))
    expect(copies).toHaveLength(1)
    expect(copies[0].text).toContain(OWN_WORDS)

    // A second press, or the job running again, sends nothing more.
    expect(await confirmLetter(token)).toEqual({ status: 'already-confirmed', mpName: 'Matt Rodda' })
    expect(await letterToConfirm(token)).toEqual({ status: 'already-confirmed', held: false })
    await makeOutboxDue()
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(1)
    // Nothing left to remind about.
    expect(await prisma.email.count({ where: { kind: 'letter_reminder' } })).toBe(0)
    // Secrets (the letter, the link) are gone from the outbox once sent.
    const [{ withSecrets }] = await prisma.$queryRaw<{ withSecrets: number }[]>`SELECT count(*)::int AS "withSecrets" FROM "Email" WHERE secrets IS NOT NULL`
    expect(withSecrets).toBe(0)
  })

  it('emails the writer only who the letter is for: never the letter, its subject or a web address in it (no relay)', async () => {
    const phishing = 'Your account is locked. Sign in at https://evil.example/login to keep it.'
    const subject = 'URGENT: verify your bank account'
    await requestLetter(await compose({ subject, body: `${start.body}\n\n${phishing}`, email: 'victim@example.org' }))
    // Not even kept in the outbox, where the sender renders from.
    const queued = await prisma.email.findMany({ where: { kind: { in: ['letter_confirmation', 'letter_reminder'] } } })
    expect(queued).toHaveLength(2)
    expect(JSON.stringify(queued)).not.toMatch(/evil\.example|URGENT|account is locked/)

    await deliverAllDue()
    await makeOutboxDue() // a day passes: the reminder
    await deliverAllDue()
    const { resend } = testContext()
    expect(resend.emails.map((e) => e.subject)).toEqual(['Confirm your letter to Matt Rodda', 'Reminder: confirm your letter to Matt Rodda'])
    for (const email of resend.emails) {
      for (const part of [email.html ?? '', email.text ?? '', email.subject]) {
        expect(part).not.toMatch(/evil\.example|URGENT|account is locked/)
      }
      expect(email.text).toContain('Matt Rodda, MP for Reading Central')
      const links = [...(email.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1])
      expect(links.length).toBeGreaterThan(0)
      // Only the confirm link, and the help lines' fixed links in the footer (decision 111).
      const help = ['tel:08088005000', 'mailto:help@nspcc.org.uk', 'tel:08001111', 'https://childline.org.uk']
      expect(links.filter((link) => !help.includes(link)).every((link) => link.startsWith('http://campaign.test/write/confirm/'))).toBe(true)
    }
    // The letter is on the page behind the link, for the person who holds it.
    const shown = await letterToConfirm(linkIn(resend.emails[0].html, 'write/confirm'))
    expect(shown).toMatchObject({ status: 'pending', subject })
    expect(shown.status === 'pending' && shown.letter.body).toContain(phishing)
  })

  it('confirms exactly once when the button is pressed twice at the same moment', async () => {
    await requestLetter(await compose())
    await deliverAllDue()
    const token = linkIn(testContext().resend.emails[0].html, 'write/confirm')
    const outcomes = await Promise.all([confirmLetter(token), confirmLetter(token), confirmLetter(token)])
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-confirmed', 'already-confirmed', 'confirmed'])
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(1)
  })

  it('retries when Resend fails, and never sends the MP two copies', async () => {
    await requestLetter(await compose())
    await deliverAllDue()
    const token = linkIn(testContext().resend.emails[0].html, 'write/confirm')
    await confirmLetter(token)
    const { resend } = testContext()
    resend.failNext(resendError(500, 'application_error', 'Something went wrong'))
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(0)
    // Accepted, but the answer is lost: the retry carries the same Idempotency-Key.
    resend.loseNextResponse()
    await makeOutboxDue()
    await deliverAllDue()
    await makeOutboxDue()
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(1)
    expect((await prisma.email.findFirstOrThrow({ where: { kind: 'letter_to_mp' } })).status).toBe('sent')
  })

  it('sends one reminder a day later to a supporter who has not confirmed', async () => {
    await requestLetter(await compose())
    await deliverAllDue()
    const { resend } = testContext()
    const first = linkIn(resend.emails[0].html, 'write/confirm')
    await makeOutboxDue() // a day passes
    await deliverAllDue()
    expect(resend.emails.map((e) => e.subject)).toEqual(['Confirm your letter to Matt Rodda', 'Reminder: confirm your letter to Matt Rodda'])
    expect(linkIn(resend.emails[1].html, 'write/confirm')).toBe(first)
    await makeOutboxDue()
    await deliverAllDue()
    expect(resend.emails).toHaveLength(2)
    await trackLetters()
    expect((await prisma.letter.findFirstOrThrow()).reminderSentAt).not.toBeNull()
  })

  it('refuses malformed, unknown and expired links', async () => {
    expect(await confirmLetter('short')).toEqual({ status: 'invalid' })
    expect(await confirmLetter('A'.repeat(43))).toEqual({ status: 'invalid' })
    await requestLetter(await compose())
    await deliverAllDue()
    const token = linkIn(testContext().resend.emails[0].html, 'write/confirm')
    await prisma.letter.updateMany({ data: { tokenExpiresAt: new Date(Date.now() - 1000) } })
    expect(await confirmLetter(token)).toEqual({ status: 'invalid' })
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(0)
  })

  it('sends nothing if the MP was switched off before the supporter confirmed', async () => {
    await requestLetter(await compose())
    await deliverAllDue()
    const token = linkIn(testContext().resend.emails[0].html, 'write/confirm')
    await switchTargetOff(4654, 'Asked not to receive campaign mail')
    expect(await confirmLetter(token)).toEqual({ status: 'undeliverable', mpName: 'Matt Rodda' })
    await makeOutboxDue()
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(0)
    expect((await prisma.letter.findFirstOrThrow()).state).toBe('failed')
  })
})

describe('one letter per supporter per MP', () => {
  it('replaces a pending letter with the newest words and link (the same mailbox, as its provider sees it)', async () => {
    await requestLetter(await compose({ email: 'priya.shah@gmail.com' }))
    await requestLetter(await compose({ email: 'Priya.Shah+again@googlemail.com', subject: 'My second go' }))
    expect(await prisma.letter.count()).toBe(1)
    expect((await prisma.letter.findFirstOrThrow()).subject).toBe('My second go')
    await deliverAllDue()
    const { resend } = testContext()
    expect(resend.emails).toHaveLength(1) // the first request's emails were replaced before they went
    const token = linkIn(resend.emails[0].html, 'write/confirm')
    expect(await confirmLetter(token)).toMatchObject({ status: 'confirmed' })
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)[0].subject).toBe('My second go')
  })

  it('tells a supporter who already wrote, and sends the MP nothing more', async () => {
    await requestLetter(await compose())
    await deliverAllDue()
    await confirmLetter(linkIn(testContext().resend.emails[0].html, 'write/confirm'))
    await deliverAllDue()
    expect(await requestLetter(await compose({ subject: 'Again' }))).toEqual({ status: 'requested' })
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(1)
    const note = sentTo('priya@example.org').at(-1)!
    expect(note.subject).toBe('You have already written to Matt Rodda')
    expect(note.html).not.toContain('/write/confirm/')
  })

  it('limits letters per email address and per IP address', async () => {
    for (let i = 0; i < 5; i++) expect((await requestLetter(await compose())).status).toBe('requested')
    expect(await requestLetter(await compose())).toMatchObject({ status: 'rate-limited' })
    for (let i = 0; i < 4; i++) await requestLetter(await compose({ email: `someone${i}@example.org` }), { ipAddress: '198.51.100.7' })
    const outcomes = []
    for (let i = 4; i < 12; i++) outcomes.push((await requestLetter(await compose({ email: `someone${i}@example.org` }), { ipAddress: '198.51.100.7' })).status)
    expect(outcomes.slice(0, 6).every((s) => s === 'requested')).toBe(true)
    expect(outcomes.slice(6)).toEqual(['rate-limited', 'rate-limited'])
  })

  it('quietly drops a submission that filled the honeypot', async () => {
    expect(await requestLetter({ ...(await compose()), website: 'http://spam.example' })).toEqual({ status: 'requested' })
    expect(await prisma.letter.count()).toBe(0)
  })
})

describe('template letters', () => {
  it('flags near-identical letters once there are several, and still sends them', async () => {
    const unchanged = (n: number) => compose({ email: `copy${n}@example.org`, name: `Supporter ${n}`, body: start.body })
    for (let n = 0; n < 3; n++) await requestLetter(await unchanged(n))
    expect(await prisma.letter.count({ where: { nearDuplicate: true } })).toBe(0)
    await requestLetter(await unchanged(3))
    expect(await prisma.letter.count({ where: { nearDuplicate: true } })).toBe(4)
    const own = await compose({ email: 'own@example.org', body: `Dear Matt Rodda,\n\n${OWN_WORDS} I want the government to act on what the NSPCC found, and I would like to know whether you will speak up for a Duty of Care.\n\nYours sincerely,\nPriya Shah` })
    await requestLetter(own)
    expect((await prisma.letter.findFirstOrThrow({ where: { email: 'own@example.org' } })).nearDuplicate).toBe(false)
    const unchangedLetter = await prisma.letter.findFirstOrThrow({ where: { email: 'copy3@example.org' } })
    expect(unchangedLetter.personalisation).toBe(0)

    await deliverAllDue()
    const confirmation = testContext().resend.emails.find((e) => e.to[0] === 'copy3@example.org')!
    expect((await confirmLetter(linkIn(confirmation.html, 'write/confirm'))).status).toBe('confirmed')
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(1)
  })
})

describe('sending from your own email', () => {
  it('records the letter as own_mail without its text, and gives compose links', async () => {
    const outcome = await recordOwnMail(await compose(), { ipAddress: '203.0.113.9' })
    if (outcome.status !== 'ready') throw new Error(outcome.status)
    expect(outcome.to).toBe(MP_ADDRESS)
    expect(decodeURIComponent(outcome.links.mailto)).toContain(OWN_WORDS)
    expect(outcome.links.mailto.startsWith(`mailto:${MP_ADDRESS}?subject=`)).toBe(true)
    expect(new URL(outcome.links.gmail).searchParams.get('to')).toBe(MP_ADDRESS)
    expect(new URL(outcome.links.outlook).searchParams.get('body')).toContain('12 Castle Street')
    const letter = await prisma.letter.findFirstOrThrow()
    expect(letter).toMatchObject({ channel: 'own_mail', body: null, subject: null, addressLine1: null, state: 'sent' })
    expect(letter.personalisation).toBeGreaterThan(0)
    await deliverAllDue()
    expect(testContext().resend.emails).toHaveLength(0)
  })
})

describe('after the letter has gone', () => {
  async function sendOne() {
    await requestLetter(await compose())
    await deliverAllDue()
    await confirmLetter(linkIn(testContext().resend.emails[0].html, 'write/confirm'))
    await deliverAllDue()
    return prisma.letter.findFirstOrThrow()
  }

  it('follows the email to the MP: sent, delivered, and held after a bounce (which marks the MP’s address)', async () => {
    const letter = await sendOne()
    expect(letter.state).toBe('confirmed')
    await trackLetters()
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ state: 'sent', sentAt: expect.any(Date) })
    await prisma.email.updateMany({ where: { kind: 'letter_to_mp' }, data: { status: 'delivered' } })
    await trackLetters()
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ state: 'delivered', deliveredAt: expect.any(Date) })
    try {
      await prisma.email.updateMany({ where: { kind: 'letter_to_mp' }, data: { status: 'bounced' } })
      await trackLetters()
      expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ state: 'confirmed', heldAt: expect.any(Date), deliveredAt: null })
      expect((await prisma.mp.findUniqueOrThrow({ where: { id: 4654 } })).emailBouncedAt).not.toBeNull()
      // Supporters can still write: their letters wait with the others (app/letters/held-letters.test.ts).
      forgetPlaces()
      expect((await beginLetter('RG1 1AA')).status).toBe('compose')
    } finally {
      await prisma.mp.update({ where: { id: 4654 }, data: { emailBouncedAt: null } })
    }
  })

  it('asks once, 14 days later, whether the MP replied, and records the answer pressed on the page', async () => {
    const letter = await sendOne()
    await trackLetters()
    expect(await sendReplySurveys()).toBe(0)
    const later = new Date(Date.now() + 15 * 24 * 3600 * 1000)
    expect(await sendReplySurveys(later)).toBe(1)
    expect(await sendReplySurveys(later)).toBe(0)
    await deliverAllDue()
    const survey = sentTo('priya@example.org').find((e) => e.subject === 'Did Matt Rodda reply to your letter?')!
    const token = linkIn(survey.html, 'write/reply')
    expect(survey.html).toContain(`/write/reply/${token}?answer=replied`)
    expect(survey.html).toContain(`/write/reply/${token}?answer=no_reply`)

    // Opening a link shows the question; only the page's button records the answer.
    expect(await replySurvey(token)).toEqual({ status: 'open', mpName: 'Matt Rodda', answer: null })
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).replyStatus).toBeNull()
    expect(await recordReply(token, 'acknowledged')).toEqual({ status: 'recorded', answer: 'acknowledged', mpName: 'Matt Rodda' })
    expect(await replySurvey(token)).toEqual({ status: 'open', mpName: 'Matt Rodda', answer: 'acknowledged' })
    expect(await recordReply(token, 'maybe')).toEqual({ status: 'invalid' })
    expect(await recordReply('B'.repeat(43), 'replied')).toEqual({ status: 'invalid' })
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).replyStatus).toBe('acknowledged')
    expect(await replyFigures()).toEqual([
      { mpId: 4654, mp: 'Matt Rodda', constituency: 'Reading Central', sent: 1, asked: 1, replied: 0, acknowledged: 1, noReply: 0 },
    ])
  })

  it('deletes letters never confirmed once they are 30 days old', async () => {
    await requestLetter(await compose())
    expect(await purgeUnconfirmedLetters()).toBe(0)
    expect(await purgeUnconfirmedLetters(new Date(Date.now() + 31 * 24 * 3600 * 1000))).toBe(1)
    expect(await prisma.letter.count()).toBe(0)
  })
})
