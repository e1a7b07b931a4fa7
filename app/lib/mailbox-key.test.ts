import { describe, expect, it } from 'vitest'
import { mailboxKey } from './mailbox-key'

describe('mailboxKey', () => {
  it('ignores case and surrounding space', () => {
    expect(mailboxKey('  Jo.Bloggs@Example.ORG ')).toBe('jo.bloggs@example.org')
  })
  it('drops +tags on any domain', () => {
    expect(mailboxKey('jo+petition@example.org')).toBe('jo@example.org')
  })
  it('treats Gmail dots and googlemail.com as the same mailbox', () => {
    expect(mailboxKey('Jo.Blo.ggs+x@googlemail.com')).toBe(mailboxKey('jobloggs@gmail.com'))
  })
  it('keeps dots outside Gmail', () => {
    expect(mailboxKey('jo.bloggs@outlook.com')).not.toBe(mailboxKey('jobloggs@outlook.com'))
  })
})
