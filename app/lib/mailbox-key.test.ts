import { describe, expect, it } from 'vitest'
import { mailboxKey } from './mailbox-key'

describe('mailboxKey', () => {
  it('ignores case and surrounding space', () => {
    expect(mailboxKey('  Jo.Bloggs@Example.ORG ')).toBe('jo.bloggs@example.org')
  })

  it('keeps +tags on domains not known to deliver them to one mailbox: they may be other mailboxes', () => {
    expect(mailboxKey('jo+petition@example.org')).toBe('jo+petition@example.org')
    expect(mailboxKey('jane.smith.mp+x@parliament.uk')).not.toBe(mailboxKey('jane.smith.mp@parliament.uk'))
  })

  it('treats Gmail dots, +tags and googlemail.com as the same mailbox', () => {
    expect(mailboxKey('Jo.Blo.ggs+x@googlemail.com')).toBe(mailboxKey('jobloggs@gmail.com'))
    expect(mailboxKey('jo.bloggs+news@gmail.com')).toBe('jobloggs@gmail.com')
  })

  it('drops +tags (and only them) at providers with plus addressing', () => {
    for (const domain of ['outlook.com', 'hotmail.co.uk', 'live.com', 'icloud.com', 'me.com', 'fastmail.com', 'proton.me', 'protonmail.com']) {
      expect(mailboxKey(`Jo.Bloggs+petition@${domain}`)).toBe(`jo.bloggs@${domain}`)
    }
    expect(mailboxKey('jo.bloggs@outlook.com')).not.toBe(mailboxKey('jobloggs@outlook.com'))
  })

  it('does not merge at providers without plus addressing', () => {
    expect(mailboxKey('jo+x@yahoo.co.uk')).toBe('jo+x@yahoo.co.uk')
    expect(mailboxKey('jo+x@btinternet.com')).toBe('jo+x@btinternet.com')
  })

  it('keeps a local part that starts with + whole, and leaves things that are not addresses alone', () => {
    expect(mailboxKey('+jo@gmail.com')).toBe('+jo@gmail.com')
    expect(mailboxKey('anonymised:1234')).toBe('anonymised:1234')
  })
})
