// The local outbox holds live links (confirm, send a letter, erase someone's data): who may read it.
import { describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  delete process.env.RESEND_API_KEY // mail stays in the local outbox, as in `npm run quickstart`
})

import { outcome } from '~/admin/testing.server'
import { prisma } from '~/lib/db.server'
import { loadEnv } from '~/lib/env.server'
import * as mailbox from '~/routes/dev-mailbox'
import * as message from '~/routes/dev-mailbox-message'
import { mayReadOutbox } from '~/mail/dev-mailbox.server'

const base = {
  DATABASE_URL: 'postgresql://x@localhost/x',
  SESSION_SECRET: 'x'.repeat(32),
  ORGANISATION_NAME: 'Test Charity',
  ORGANISATION_URL: 'https://charity.example',
  ORGANISATION_ADDRESS: '1 Test Street, London EC2A 3NH',
  CHARITY_NUMBER: '1234567',
  PRIVACY_CONTACT_EMAIL: 'privacy@charity.example',
}
const from = (socketAddress: string) => ({ context: { clientIp: '198.51.100.1', socketAddress, cspNonce: '' } })

describe('who may read /dev/mailbox', () => {
  it('nobody in production, with or without DEV_MAILBOX=on; anyone with DEV_MAILBOX=on; else loopback without a Resend key', () => {
    expect(loadEnv({ ...base, NODE_ENV: 'production' }).devMailbox).toBe('nobody')
    expect(loadEnv({ ...base, NODE_ENV: 'production', DEV_MAILBOX: 'on' }).devMailbox).toBe('nobody')
    expect(loadEnv({ ...base }).devMailbox).toBe('loopback')
    expect(loadEnv({ ...base, RESEND_API_KEY: 're_x' }).devMailbox).toBe('nobody')
    expect(loadEnv({ ...base, RESEND_API_KEY: 're_x', DEV_MAILBOX: 'on' }).devMailbox).toBe('anyone')
    expect(loadEnv({ ...base, DEV_MAILBOX: 'on' }).devMailbox).toBe('anyone')
    expect(() => loadEnv({ ...base, DEV_MAILBOX: 'maybe' })).toThrow(/DEV_MAILBOX/)
    expect(mayReadOutbox('loopback', '127.0.0.1')).toBe(true)
    expect(mayReadOutbox('loopback', '::1')).toBe(true)
    expect(mayReadOutbox('loopback', '192.0.2.2')).toBe(false)
    expect(mayReadOutbox('anyone', '192.0.2.2')).toBe(true)
    expect(mayReadOutbox('nobody', '127.0.0.1')).toBe(false)
  })

  it('shows the outbox to a loopback connection and a 404 to any other, whatever the client says it is', async () => {
    const email = await prisma.email.create({
      data: { kind: 'signature_confirmation', to: 'ada@example.org', subject: 'Confirm your signature', template: 'signature-confirmation', data: {}, outboxHtml: '<p>Confirm: http://campaign.test/petition/confirm/x</p>' },
    })
    const list = await outcome(() => mailbox.loader(from('::ffff:127.0.0.1') as never))
    expect(list.status).toBe(200)
    expect(list.value.emails.map((e: { to: string }) => e.to)).toContain('ada@example.org')
    expect((await outcome(() => message.loader({ params: { id: email.id }, ...from('127.0.0.1') } as never))).status).toBe(200)

    expect((await outcome(() => mailbox.loader(from('192.0.2.2') as never))).status).toBe(404)
    expect((await outcome(() => message.loader({ params: { id: email.id }, ...from('2001:db8::5') } as never))).status).toBe(404)
  })
})
