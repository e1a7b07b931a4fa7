// The personalisation meter and near-duplicate fingerprints, as pure functions.
import { describe, expect, it } from 'vitest'
import { fingerprint, similarity } from './fingerprint.server'
import { finaliseBody, mergeTemplate, PLACEHOLDERS } from './letter-text'
import { measurePersonalisation, ownWordsShare, personalisationMessage, words } from './personalisation'
import { defaultLetterTemplate } from './template.server'

const template = defaultLetterTemplate.body
const merge = { mpName: 'Matt Rodda', constituency: 'Reading Central', name: 'Priya Shah', town: 'Reading' }
const merged = mergeTemplate(template, merge)

describe('merge fields', () => {
  it('fills in the MP, the seat, and the supporter when known, with placeholders until then', () => {
    expect(merged).toMatch(/^Dear Matt Rodda,/)
    expect(merged).toContain('I live in Reading, in your constituency of Reading Central')
    const early = mergeTemplate(template, { mpName: 'Matt Rodda', constituency: 'Reading Central' })
    expect(early).toContain(PLACEHOLDERS.name)
    expect(early).toContain(PLACEHOLDERS.town)
    expect(finaliseBody(early, { name: 'Priya Shah', town: 'Reading' })).toBe(merged)
  })
})

describe('the personalisation meter', () => {
  it('reads 0 for the template as it stands, however it is spaced or capitalised', () => {
    expect(measurePersonalisation({ body: merged, template, ...merge })).toBe(0)
    expect(ownWordsShare(merged.toUpperCase().replace(/\n/g, '\n\n  '), merged)).toBe(0)
  })

  it('grows with the supporter’s own words, and reads 1 for a letter all their own', () => {
    const own = 'As a youth worker in Reading I hear from teenagers every week about strangers contacting them on social media.'
    const some = ownWordsShare(`${merged}\n\n${own}`, merged)
    const more = ownWordsShare(`${merged}\n\n${own} ${own.replace('youth worker', 'parent').replace('every week', 'all the time')}`, merged)
    expect(some).toBeGreaterThan(0.03)
    expect(more).toBeGreaterThan(some)
    expect(ownWordsShare(own, merged)).toBe(1)
    expect(ownWordsShare('', merged)).toBe(0)
  })

  it('counts a letter cut down to a few of the template’s sentences as not personal', () => {
    const cut = merged.split('\n\n').slice(0, 2).join('\n\n')
    expect(ownWordsShare(cut, merged)).toBe(0)
  })

  it('has something to say at every level', () => {
    expect(personalisationMessage(0)).toMatch(/Mostly the campaign’s words/)
    expect(personalisationMessage(0.2)).toMatch(/^Good/)
    expect(personalisationMessage(0.9)).toMatch(/^Great/)
  })

  it('treats accents and apostrophes alike', () => {
    expect(words('Don’t  CAFÉ-owners')).toEqual(['dont', 'cafe', 'owners'])
  })
})

describe('near-duplicate fingerprints', () => {
  it('finds the template and a lightly edited copy near-identical, and an own letter different', () => {
    const a = fingerprint(merged)
    expect(a.length).toBe(64)
    expect(similarity(a, fingerprint(merged))).toBe(1)
    const edited = merged.replace('Dear Matt Rodda,', 'Dear Mr Rodda,').replace('Yours sincerely', 'Best wishes')
    expect(similarity(a, fingerprint(edited))).toBeGreaterThanOrEqual(0.8)
    const own = fingerprint('As a youth worker in Reading I hear from teenagers every week about strangers contacting them on social media, and I want you to act.')
    expect(similarity(a, own)).toBeLessThan(0.2)
  })

  it('stays within Postgres int4 and handles very short texts', () => {
    for (const h of fingerprint(merged)) expect(h).toBe(h | 0)
    expect(fingerprint('Hi there')).toHaveLength(1)
    expect(fingerprint('')).toEqual([])
    expect(similarity([], [1])).toBe(0)
  })
})
