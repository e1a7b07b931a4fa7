// What a path looks like in the log: no query string, no token from an emailed link.
import { describe, expect, it } from 'vitest'
import { loggablePath } from './log.server'

describe('loggablePath', () => {
  it('hides the token of every emailed link and any token-like segment', () => {
    const token = 'Zq3xN8vLwP0aT6yHcR2mK9sD4fG7jB1eU5iO0pA_-xy'
    expect(loggablePath(`/petition/confirm/${token}`)).toBe('/petition/confirm/:token')
    expect(loggablePath(`/write/confirm/${token}`)).toBe('/write/confirm/:token')
    expect(loggablePath(`/write/reply/${token}?answer=replied`)).toBe('/write/reply/:token')
    expect(loggablePath(`/unsubscribe/${token}`)).toBe('/unsubscribe/:token')
    expect(loggablePath(`/my-data/${token}/download`)).toBe('/my-data/:token/download')
    expect(loggablePath(`/admin/set-password/short`)).toBe('/admin/set-password/:token')
    expect(loggablePath(`/somewhere/${token}`)).toBe('/somewhere/:token')
  })

  it('drops the query string and keeps ordinary paths', () => {
    expect(loggablePath('/?utm_source=someone%40example.org')).toBe('/')
    expect(loggablePath('/map/E14001063')).toBe('/map/E14001063')
    expect(loggablePath('/my-data')).toBe('/my-data')
    expect(loggablePath(`/${'a/'.repeat(300)}`).length).toBeLessThanOrEqual(200)
  })
})
