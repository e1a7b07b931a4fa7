// What a stranger can put into an email the campaign sends to an address
// nobody has confirmed: only their name, escaped and never a link (decision 056).
import { describe, expect, it } from 'vitest'
import { fullName } from '~/lib/supporter-fields'
import { renderEmail } from '~/emails/templates.server'

const HOSTILE = 'Eve <a href="https://evil.example/a">Win</a> <img src="https://evil.example/b.png"> <script>alert(1)</script>'

const withName = {
  'signature-confirmation': { confirmUrl: 'http://campaign.test/petition/confirm/T', privacyUrl: 'http://campaign.test/privacy' },
  'already-signed': { writeUrl: 'http://campaign.test/write' },
  'letter-confirmation': { mpName: 'Matt Rodda', constituency: 'Reading Central', confirmUrl: 'http://campaign.test/write/confirm/T', linkDays: 7 },
  'letter-already-sent': { mpName: 'Matt Rodda' },
  'reply-survey': { mpName: 'Matt Rodda', repliedUrl: 'http://campaign.test/r', acknowledgedUrl: 'http://campaign.test/a', noReplyUrl: 'http://campaign.test/n' },
} as const

describe('emails to addresses nobody has confirmed', () => {
  for (const [template, props] of Object.entries(withName)) {
    it(`${template}: a name is escaped, and becomes no link, image or script`, async () => {
      const { html, text } = await renderEmail(template, { ...props, name: HOSTILE })
      expect(html).not.toContain('evil.example/a"')
      expect(html).not.toMatch(/<(a|img|script)\b[^>]*evil\.example/)
      expect(html).not.toContain('<script>')
      expect(html).toContain('Eve &lt;a href=')
      const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])
      // Our own links, and the help lines' fixed contacts in the footer (decision 111): nothing from the name.
      const helpLines = new Set(['tel:08088005000', 'mailto:help@nspcc.org.uk', 'tel:08001111', 'https://childline.org.uk'])
      expect(hrefs.filter((href) => !href.startsWith('http://campaign.test/') && !helpLines.has(href))).toEqual([])
      expect(text).toContain(`Dear ${HOSTILE},`) // plain text: no markup to run, shown as typed
    })
  }

  it('the letter confirmation (and a reminder queued before this change, which still carries the letter) shows neither the letter nor its subject', async () => {
    const old = {
      ...withName['letter-confirmation'],
      name: 'Priya Shah',
      reminder: true,
      subject: 'URGENT: verify your account',
      letter: { sender: ['Priya Shah'], body: 'Sign in at https://evil.example/login', footer: 'footer' },
    }
    const { html, text } = await renderEmail('letter-confirmation', old)
    for (const part of [html, text]) {
      expect(part).not.toMatch(/URGENT|evil\.example/)
      expect(part).toContain('Matt Rodda')
    }
  })

  it('names that look like web addresses are refused before any email is written', () => {
    for (const name of ['Eve https://evil.example', 'www.evil.example', 'Visit evil.com now']) {
      expect(fullName.safeParse(name).success, name).toBe(false)
    }
  })
})
