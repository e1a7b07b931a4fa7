import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { signSchema } from './sign-form.server'

function submit(fields: Record<string, string>) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return parseWithZod(form, { schema: signSchema })
}

const valid = { name: 'Priya Shah', email: 'priya@example.org', postcode: 'rg1 1aa' }

describe('the petition form', () => {
  it('normalises the postcode and trims the name', () => {
    const result = submit({ ...valid, name: '  Priya   Shah ' })
    expect(result.status).toBe('success')
    if (result.status === 'success') {
      expect(result.value.postcode).toBe('RG1 1AA')
      expect(result.value.name).toBe('Priya Shah')
      expect(result.value.optIn).toBe(false)
    }
  })

  it('records the opt-in only when ticked', () => {
    const result = submit({ ...valid, optIn: 'on' })
    expect(result.status === 'success' && result.value.optIn).toBe(true)
  })

  it.each([
    [{ name: '' }, 'name', 'Enter your full name'],
    [{ name: 'x'.repeat(256) }, 'name', 'Your name must be 255 characters or fewer'],
    [{ name: '=HYPERLINK("http://evil")' }, 'name', 'Your name must not start with =, +, - or @'],
    [{ name: '@attacker' }, 'name', 'Your name must not start with =, +, - or @'],
    [{ name: 'Visit www.spam.example' }, 'name', 'Your name must not contain a web address'],
    [{ name: 'Buy https://x.test now' }, 'name', 'Your name must not contain a web address'],
    [{ email: 'not-an-email' }, 'email', 'Enter an email address in the correct format, like name@example.com'],
    [{ email: '' }, 'email', 'Enter your email address'],
    [{ postcode: 'ZZ99 9ZZZ' }, 'postcode', 'Enter a real UK postcode, like SW1A 1AA'],
    [{ postcode: '' }, 'postcode', 'Enter your postcode'],
  ])('rejects %j with a message on %s', (override, field, message) => {
    const result = submit({ ...valid, ...override })
    expect(result.status).toBe('error')
    expect(result.reply().error?.[field]?.[0]).toBe(message)
  })

  it('keeps what was typed when it rejects the form', () => {
    const result = submit({ ...valid, email: 'nope' })
    expect(result.reply().initialValue).toMatchObject({ name: 'Priya Shah', email: 'nope', postcode: 'rg1 1aa' })
  })
})
