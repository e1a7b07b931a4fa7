import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { signSchema } from './sign-form.server'
import { coercedSignSchema } from './sign-submission.server'

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

  // Signing parses with the coerced schema built once (decision 085); every answer, value and field error
  // must be the very one Conform gives when it wraps the schema itself on each call.
  it.each<[string, [string, string][]]>([
    ['valid', [['name', 'Priya Shah'], ['email', 'priya@example.org'], ['postcode', 'rg1 1aa']]],
    ['valid, opted in, with codes', [['name', ' Priya  Shah '], ['email', 'priya@example.org'], ['postcode', 'RG11AA'], ['optIn', 'on'], ['utm_source', 'news-letter'], ['ref', 'abc123']]],
    ['junk codes and a repeated field', [['name', 'Priya'], ['email', 'p@example.org'], ['postcode', 'SW1A 1AA'], ['utm_source', '<script>'], ['utm_source', 'x'], ['partner', 'a'.repeat(99)]]],
    ['honeypot filled', [['name', 'Bot'], ['email', 'bot@example.org'], ['postcode', 'SW1A 1AA'], ['website', 'http://spam.test']]],
    ['nothing at all', []],
    ['every field empty', [['name', ''], ['email', ''], ['postcode', ''], ['optIn', ''], ['website', '']]],
    ['whitespace only', [['name', '   '], ['email', ' '], ['postcode', '  ']]],
    ['bad email and postcode', [['name', 'Priya'], ['email', 'not-an-email'], ['postcode', 'ZZ99 9ZZZ']]],
    ['formula name, long email', [['name', '=cmd'], ['email', `${'a'.repeat(250)}@example.org`], ['postcode', 'SW1A 1AA']]],
    ['a name with a web address, a repeated email', [['name', 'www.spam.example'], ['email', 'a@example.org'], ['email', 'b@example.org'], ['postcode', 'SW1A 1AA']]],
    ['an intent field', [['__intent__', '{"type":"validate","payload":{"name":"email"}}'], ['email', 'x']]],
  ])('gives the same submission with the schema coerced once as with Conform coercing it per call: %s', (_, fields) => {
    const form = () => {
      const data = new FormData()
      for (const [k, v] of fields) data.append(k, v)
      return data
    }
    const perCall = parseWithZod(form(), { schema: signSchema })
    const once = parseWithZod(form(), { schema: coercedSignSchema, disableAutoCoercion: true })
    expect(once.status).toBe(perCall.status)
    expect(JSON.stringify(once.payload)).toBe(JSON.stringify(perCall.payload))
    expect(JSON.stringify(once.status === 'success' ? once.value : once.error)).toBe(JSON.stringify(perCall.status === 'success' ? perCall.value : perCall.error))
    expect(JSON.stringify(once.reply())).toBe(JSON.stringify(perCall.reply()))
    expect(JSON.stringify(once.reply({ resetForm: true }))).toBe(JSON.stringify(perCall.reply({ resetForm: true })))
  })
})
