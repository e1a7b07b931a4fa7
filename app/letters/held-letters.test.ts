// An MP whose own address bounces: letters to them are held, not dropped, the
// MP is flagged for campaigners, and fixing the address sends each held letter
// exactly once. Real database, emails through the Resend stub, the bounce
// reported by a signed webhook.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { changeMpTarget } from '~/admin/campaign.server'
import { signedInCampaigner } from '~/admin/testing.server'
import { prisma } from '~/lib/db.server'
import { deliverAllDue } from '~/emails/outbox.server'
import { isSuppressed } from '~/mail/suppression.server'
import { receiveResendWebhook } from '~/mail/webhooks.server'
import { testContext } from '~/testing/context'
import { resendEvent, signWebhook } from '~/testing/webhooks'
import { requestLetter, type ComposeStart } from './compose.server'
import { confirmLetter, letterToConfirm } from './confirm.server'
import { releaseHeldLetters } from './dispatch.server'
import { trackLetters } from './progress.server'
import { composeStart, letterInput, linkIn, MP_ADDRESS, MP_ID, setUpMpDirectory } from './testing.server'

const SECRET = vi.hoisted(() => {
  const secret = `whsec_${Buffer.from('held letters webhook secret 0123').toString('base64')}`
  process.env.RESEND_WEBHOOK_SECRET = secret
  return secret
})

let start: ComposeStart

const sentTo = (address: string) => testContext().resend.emails.filter((e) => e.to.includes(address))

/** A supporter writes to the MP and presses "Send" on the confirm page. */
async function writeAndConfirm(name: string, email: string) {
  expect(await requestLetter(letterInput(start, { name, email }))).toEqual({ status: 'requested' })
  await deliverAllDue()
  const confirmation = sentTo(email).find((e) => e.subject.startsWith('Confirm your letter'))!
  return confirmLetter(linkIn(confirmation.html, 'write/confirm'))
}

async function reportBounce(providerId: string, to: string) {
  const signed = signWebhook(SECRET, resendEvent('email.bounced', providerId, to, { bounce: { type: 'Permanent', subType: 'General', message: '550 5.1.1 User unknown' } }))
  const request = new Request('http://campaign.test/webhooks/resend', { method: 'POST', headers: signed.headers, body: signed.body })
  expect((await receiveResendWebhook(request, '198.51.100.1')).status).toBe(200)
}

beforeAll(setUpMpDirectory)

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Letter", "RateLimit", "Suppression", "WebhookEvent" CASCADE`
  await prisma.mp.update({ where: { id: MP_ID }, data: { emailOverride: null, emailBouncedAt: null, targetEnabled: true } })
  start = await composeStart()
})

describe('an MP whose own address bounces', () => {
  it('holds their letters and flags the MP; a new address sends each held letter exactly once', async () => {
    expect(await writeAndConfirm('Priya Shah', 'priya@example.org')).toEqual({ status: 'confirmed', mpName: 'Matt Rodda' })
    await deliverAllDue()
    const [first] = sentTo(MP_ADDRESS)
    const firstEmail = await prisma.email.findFirstOrThrow({ where: { kind: 'letter_to_mp' } })
    expect(firstEmail.providerId).toBe(first.id)

    await reportBounce(first.id, MP_ADDRESS)
    await trackLetters()
    const priyas = await prisma.letter.findFirstOrThrow({ where: { email: 'priya@example.org' } })
    expect(priyas).toMatchObject({ state: 'confirmed', heldAt: expect.any(Date) })
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: MP_ID } })).emailBouncedAt).toEqual(expect.any(Date))
    // The MP's address is flagged, not suppressed: suppression is for supporters' mail.
    expect(await isSuppressed(MP_ADDRESS)).toEqual({ suppressed: false })

    // Someone confirming now is told their letter is held; nothing goes into the bouncing mailbox.
    expect(await writeAndConfirm('Sam Okafor', 'sam@example.org')).toEqual({ status: 'held', mpName: 'Matt Rodda' })
    // His link, opened or pressed again, still says so and does nothing more.
    const samsLink = linkIn(sentTo('sam@example.org')[0].html, 'write/confirm')
    expect(await letterToConfirm(samsLink)).toEqual({ status: 'already-confirmed', held: true })
    expect(await confirmLetter(samsLink)).toEqual({ status: 'held', mpName: 'Matt Rodda' })
    await trackLetters()
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(1)
    expect(sentTo('sam@example.org').map((e) => e.subject)).toEqual(['Confirm your letter to Matt Rodda'])
    expect(await prisma.letter.count({ where: { state: 'confirmed', heldAt: { not: null } } })).toBe(2)

    // A campaigner sets the right address: the held letters go at once, whatever else releases them at the same moment.
    const { campaigner } = await signedInCampaigner('admin')
    await Promise.all([
      changeMpTarget(campaigner, MP_ID, { kind: 'override', email: 'casework@rodda.example' }),
      releaseHeldLetters(),
      releaseHeldLetters({ mpId: MP_ID }),
      trackLetters(),
    ])
    await Promise.all([releaseHeldLetters(), trackLetters()])
    await deliverAllDue()
    const delivered = sentTo('casework@rodda.example')
    expect(delivered.map((e) => [e.reply_to].flat()[0]).sort()).toEqual(['priya@example.org', 'sam@example.org'])
    expect(sentTo(MP_ADDRESS)).toHaveLength(1)
    expect(await prisma.letter.count({ where: { heldAt: { not: null } } })).toBe(0)
    // Sam's copy goes when the letter does.
    expect(sentTo('sam@example.org').map((e) => e.subject)).toContain(`Your letter to Matt Rodda: ${start.subject}`)

    // Once sent, they stay sent: tracking again sends nothing more.
    await trackLetters()
    await trackLetters()
    await deliverAllDue()
    expect(sentTo('casework@rodda.example')).toHaveLength(2)
    expect(await prisma.letter.findMany({ select: { state: true }, orderBy: { createdAt: 'asc' } })).toEqual([{ state: 'sent' }, { state: 'sent' }])
  })

  it('sends held letters to the same address once campaigners mark it as working (the directory sync clearing it does the same)', async () => {
    await writeAndConfirm('Priya Shah', 'priya@example.org')
    await deliverAllDue()
    await reportBounce(sentTo(MP_ADDRESS)[0].id, MP_ADDRESS)
    await trackLetters()
    expect(await prisma.letter.count({ where: { heldAt: { not: null } } })).toBe(1)

    // The flag is cleared outside the admin (a sync that saw a new address, the CLI): the tracker sends it.
    await prisma.mp.update({ where: { id: MP_ID }, data: { emailBouncedAt: null } })
    await trackLetters()
    await deliverAllDue()
    expect(sentTo(MP_ADDRESS)).toHaveLength(2)
    await trackLetters()
    expect(await prisma.letter.findFirstOrThrow()).toMatchObject({ state: 'sent', heldAt: null })
  })
})
