// Who runs the campaign is configured once (decision 094): clearly a placeholder (and a start-up
// warning in production) when unset, and in the footer of every email.
import { describe, expect, it } from 'vitest'
import { loadEnv } from '~/lib/env.server'
import { renderEmail, templates } from '~/emails/templates.server'
import { emailSamples } from '~/emails/email-samples'
import { organisation } from '~/lib/organisation.server'

const base = { DATABASE_URL: 'postgresql://x@localhost/x', SESSION_SECRET: 'x'.repeat(32) }
const configured = {
  ORGANISATION_NAME: 'NSPCC',
  ORGANISATION_URL: 'https://www.nspcc.org.uk',
  ORGANISATION_ADDRESS: 'Weston House, 42 Curtain Road, London EC2A 3NH',
  CHARITY_NUMBER: '216401 (England and Wales), SC037717 (Scotland)',
  PRIVACY_CONTACT_EMAIL: 'privacy@nspcc.example',
}

describe('the organisation behind the campaign', () => {
  it('in production shows placeholders for what is missing and names it, so start-up can warn', () => {
    const unset = loadEnv({ ...base, NODE_ENV: 'production' }).organisation
    expect(unset.placeholder).toBe(true)
    expect(unset.missing).toEqual(['ORGANISATION_NAME', 'ORGANISATION_URL', 'ORGANISATION_ADDRESS', 'CHARITY_NUMBER', 'PRIVACY_CONTACT_EMAIL'])
    expect(unset.name).toMatch(/placeholder — set ORGANISATION_NAME/)
    expect(loadEnv({ ...base, NODE_ENV: 'production', ...configured, CHARITY_NUMBER: '' }).organisation.missing).toEqual(['CHARITY_NUMBER'])
    const org = loadEnv({ ...base, NODE_ENV: 'production', ...configured }).organisation
    expect(org).toMatchObject({ name: 'NSPCC', address: configured.ORGANISATION_ADDRESS, charityNumber: configured.CHARITY_NUMBER, placeholder: false })
  })

  it('runs in development with placeholders that say what to set', () => {
    const org = loadEnv({ ...base, NODE_ENV: 'development' }).organisation
    expect(org.name).toBe('Example Charity (placeholder — set ORGANISATION_NAME)')
    expect(org.address).toMatch(/placeholder — set ORGANISATION_ADDRESS/)
    expect(org.charityNumber).toMatch(/placeholder — set CHARITY_NUMBER/)
    expect(org.placeholder).toBe(true)
  })

  it('refuses a bad address, URL or logo', () => {
    expect(() => loadEnv({ ...base, ...configured, PRIVACY_CONTACT_EMAIL: 'not an email' })).toThrow(/PRIVACY_CONTACT_EMAIL/)
    expect(() => loadEnv({ ...base, ...configured, ORGANISATION_URL: 'javascript:alert(1)' })).toThrow(/ORGANISATION_URL/)
    expect(() => loadEnv({ ...base, ...configured, ORGANISATION_LOGO_URL: 'https://cdn.example/logo.png' })).toThrow(/ORGANISATION_LOGO_URL/)
    expect(() => loadEnv({ ...base, ...configured, ORGANISATION_LOGO_URL: '/../secrets.png' })).toThrow(/ORGANISATION_LOGO_URL/)
    expect(loadEnv({ ...base, ...configured, ORGANISATION_LOGO_URL: '/logo.svg' }).organisation.logoUrl).toBe('/logo.svg')
  })

  for (const name of Object.keys(templates)) {
    it(`${name}: the email's footer names the sender, its postal address and charity number, in HTML and plain text`, async () => {
      const sender = organisation()
      const { html, text } = await renderEmail(name, emailSamples[name as keyof typeof emailSamples] as never)
      for (const part of [html, text]) {
        expect(part).toContain(sender.name)
        expect(part).toContain(sender.address)
        expect(part).toContain(`Registered charity number ${sender.charityNumber}`)
      }
    })
  }
})
