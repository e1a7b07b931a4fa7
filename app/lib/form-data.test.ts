// The one form reader bounds every form before anything parses a value.
import { isRouteErrorResponse } from 'react-router'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_FIELDS, readFormData } from './form-data.server'

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
  new Request('http://campaign.test/', { method: 'POST', headers: { 'content-type': type }, body })

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (thrown) {
    return thrown as { data: string; init: { status: number } }
  }
  throw new Error('expected a refusal')
}

describe('readFormData', () => {
  it('keeps plain fields and drops names that would be read as paths (a.b, a[0])', async () => {
    const form = await readFormData(post(`name=Ada&${'a.'.repeat(5000)}a=1&${'a['.repeat(5000)}=1&email=ada%40example.org`))
    expect([...form.keys()]).toEqual(['name', 'email'])
  })

  it('refuses a value over its cap with a 413 that names the field and the cap, before anything parses it', async () => {
    const refused = await refusal(readFormData(post(`name=${'a'.repeat(200_000)}&email=x`)))
    expect(refused.init.status).toBe(413)
    expect(isRouteErrorResponse(refused)).toBe(false) // thrown as data(): the page shows the message
    expect(refused.data).toContain('“name”')
    expect(refused.data).toContain('200,000 characters')
    expect(refused.data).toContain(`at most ${DEFAULT_MAX_FIELD_CHARS.toLocaleString('en-GB')}`)
    // At the cap is fine; a form may allow one field more.
    expect((await readFormData(post(`name=${'a'.repeat(DEFAULT_MAX_FIELD_CHARS)}`))).get('name')).toHaveLength(DEFAULT_MAX_FIELD_CHARS)
    const body = 'b'.repeat(30_000)
    expect((await readFormData(post(`body=${body}`), { maxChars: { body: 32_000 } })).get('body')).toBe(body)
    expect((await refusal(readFormData(post(`name=${body}`), { maxChars: { body: 32_000 } }))).init.status).toBe(413)
  })

  it('counts multipart values and files the same way', async () => {
    const boundary = 'xyz'
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    const body = part('name', 'Ada') + part('email', 'e'.repeat(DEFAULT_MAX_FIELD_CHARS + 1)) + `--${boundary}--\r\n`
    expect((await refusal(readFormData(post(body, `multipart/form-data; boundary=${boundary}`)))).init.status).toBe(413)
  })

  it('refuses a form with more fields than any form here has', async () => {
    const many = Array.from({ length: DEFAULT_MAX_FIELDS + 1 }, (_, i) => `f${i}=1`).join('&')
    const refused = await refusal(readFormData(post(many)))
    expect(refused.init.status).toBe(413)
    expect(refused.data).toContain('too many fields')
    expect((await readFormData(post(many), { maxFields: DEFAULT_MAX_FIELDS + 1 })).get('f0')).toBe('1')
    // Fields dropped for their names still count: 60,000 of them are refused, not parsed one by one.
    expect((await refusal(readFormData(post('a[]=1&'.repeat(60_000))))).init.status).toBe(413)
  })

  it('refuses a body that is not a form', async () => {
    expect((await refusal(readFormData(post('{"name":"x"}', 'application/json')))).init.status).toBe(415)
  })
})
