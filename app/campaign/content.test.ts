// The campaign's words say what the NSPCC's source says (issue 14's copy fixes).
import { describe, expect, it } from 'vitest'
import { campaign, figures, story } from './content'
import { defaultLetterTemplate } from '~/letters/template.server'

describe('the campaign copy', () => {
  it('tells Emily’s story as the source does: she believed him to be 15', () => {
    expect(story.paragraphs.join(' ')).toContain('believed was 15')
    expect(story.paragraphs.join(' ')).not.toContain('said he was 15')
  })

  it('gives the Snapchat figure without a "+", dates every figure and links the source', () => {
    expect(figures.map((f) => f.value)).toContain('1,060')
    expect(figures.map((f) => f.value)).not.toContain('1,060+')
    for (const f of figures) expect(f.period, f.value).toMatch(/\d{4}/)
    expect(campaign.source.url).toMatch(/^https:\/\/www\.nspcc\.org\.uk\//)
  })

  it('dates the letter’s “last six months”', () => {
    expect(defaultLetterTemplate.body).toContain('in the six months from May to October 2019')
  })
})
