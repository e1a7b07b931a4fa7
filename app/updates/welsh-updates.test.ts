// Campaign updates in Welsh (decision 078): an optional Welsh subject and message, checked like the English;
// supporters who signed in Welsh get it when there is one, the English otherwise; tests cover both versions.
import { parseWithZod } from '@conform-to/zod'
import { beforeEach, describe, expect, it } from 'vitest'
import { deliverAllDue } from '~/emails/outbox.server'
import { prisma } from '~/lib/db.server'
import { testContext } from '~/testing/context'
import { createMailshot, mailshotSchema, queueMailshotChunk, sendTestMailshot, startMailshot, testedAsWritten, updateMailshot } from './mailshots.server'

let admin: { id: string; email: string }
const english = { subject: 'The Bill is debated on Tuesday', bodyMarkdown: 'Hello from the campaign.' }
const welsh = { subjectCy: 'Trafodir y Bil ddydd Mawrth', bodyMarkdownCy: 'Helo gan yr ymgyrch.' }

async function signer(email: string, language: 'en' | 'cy') {
  await prisma.signature.create({
    data: { name: 'Signer', email, emailKey: email, postcode: 'CF10 1AA', optIn: true, language, privacyVersion: 'v1', state: 'validated', tokenHash: email, tokenExpiresAt: new Date(Date.now() + 1e9), validatedAt: new Date(Date.now() - 86_400_000) },
  })
}

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.append(k, v)
  return parseWithZod(data, { schema: mailshotSchema })
}

async function sendToAll(id: string) {
  await startMailshot(id, admin.id)
  while (await queueMailshotChunk(10)) {
    /* next chunk */
  }
  await deliverAllDue()
  return (to: string) => testContext().resend.emails.find((e) => e.to.includes(to))!
}

beforeEach(async () => {
  testContext().resend.reset()
  await prisma.$executeRaw`TRUNCATE "Email", "Signature", "Suppression", "Mailshot", "AuditEntry", "Campaigner" CASCADE`
  admin = await prisma.campaigner.create({ data: { email: 'ada@campaign.test', role: 'admin' }, select: { id: true, email: true } })
})

describe('the Welsh version of an update', () => {
  it('is optional, checked like the English, and needs both its subject and its message', () => {
    expect(form({ ...english })).toMatchObject({ status: 'success', value: { ...english, subjectCy: null, bodyMarkdownCy: null } })
    expect(form({ ...english, ...welsh })).toMatchObject({ status: 'success', value: { ...english, ...welsh } })
    expect(form({ ...english, subjectCy: welsh.subjectCy }).reply().error).toEqual({ bodyMarkdownCy: ['Write the text in Welsh too, or leave both Welsh fields empty'] })
    expect(form({ ...english, bodyMarkdownCy: welsh.bodyMarkdownCy }).reply().error).toEqual({ subjectCy: ['Enter the title in Welsh too, or leave both Welsh fields empty'] })
    expect(form({ ...english, ...welsh, subjectCy: 'Dwy\nlinell' }).reply().error).toEqual({ subjectCy: ['The title in Welsh must be one line'] })
    expect(form({ ...english, ...welsh, subjectCy: 'x'.repeat(151) }).reply().error).toEqual({ subjectCy: ['Keep the title in Welsh to 150 characters or fewer'] })
    expect(form({ ...english, ...welsh, bodyMarkdownCy: 'x'.repeat(20_001) }).reply().error).toEqual({ bodyMarkdownCy: ['Keep the text in Welsh under 20,000 characters'] })
  })

  it('goes to those who signed in Welsh, with Welsh footer and links; everyone else gets the English', async () => {
    await signer('cymraeg@example.org', 'cy')
    await signer('english@example.org', 'en')
    const { id } = await createMailshot(admin.id, { ...english, ...welsh })
    const to = await sendToAll(id)

    const cy = to('cymraeg@example.org')
    expect(cy.subject).toBe(welsh.subjectCy)
    expect(cy.text).toContain('Helo gan yr ymgyrch.')
    expect(cy.text).toMatch(/Dad-danysgrifio \(un clic\): http:\/\/campaign\.test\/cy\/unsubscribe\/[A-Za-z0-9_-]{43}/)
    expect(cy.html).toContain('lang="cy"')
    const en = to('english@example.org')
    expect(en.subject).toBe(english.subject)
    expect(en.text).toContain('Hello from the campaign.')
    expect(en.text).toMatch(/Unsubscribe \(one click\): http:\/\/campaign\.test\/unsubscribe\//)
  })

  it('without a Welsh version, those who signed in Welsh get the English', async () => {
    await signer('cymraeg@example.org', 'cy')
    const { id } = await createMailshot(admin.id, english)
    const cy = (await sendToAll(id))('cymraeg@example.org')
    expect(cy.subject).toBe(english.subject)
    expect(cy.text).toContain('Hello from the campaign.')
  })

  it('a test sends both versions, and an edit of the Welsh needs a new test', async () => {
    const { id } = await createMailshot(admin.id, { ...english, ...welsh })
    expect(await testedAsWritten(id)).toBe(false)
    await sendTestMailshot(id, admin)
    expect(await testedAsWritten(id)).toBe(true)
    await deliverAllDue()
    expect(testContext().resend.emails.map((e) => e.subject).sort()).toEqual([`[Test] ${english.subject}`, `[Test] ${welsh.subjectCy}`].sort())

    await updateMailshot(id, admin.id, { ...english, ...welsh, bodyMarkdownCy: 'Helo eto.' })
    expect(await testedAsWritten(id)).toBe(false)
    // Removing the Welsh version: the English test still stands.
    await updateMailshot(id, admin.id, english)
    expect(await testedAsWritten(id)).toBe(true)
  })
})
