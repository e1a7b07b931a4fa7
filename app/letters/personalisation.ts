// How much of a letter is the supporter's own words: the share of its word
// trigrams (three words in a row) that are not in the campaign's template.
// Runs in the browser (the meter) and on the server (the stored figure), on
// the same inputs, so both always agree. See docs/decisions/011.
import { finaliseBody, mergeTemplate, type MergeValues } from './letter-text'

/** Lower-case words, accents and apostrophes dropped: "Don’t" and "dont" are one word. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function trigrams(list: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 2 < list.length; i++) out.push(`${list[i]} ${list[i + 1]} ${list[i + 2]}`)
  return out
}

/** 0..1: the share of `body`'s trigrams that do not appear anywhere in `template`. */
export function ownWordsShare(body: string, template: string): number {
  const mine = trigrams(words(body))
  if (!mine.length) return 0
  const theirs = new Set(trigrams(words(template)))
  const own = mine.filter((t) => !theirs.has(t)).length
  return Math.round((own / mine.length) * 1000) / 1000
}

/** The figure stored with a letter and shown by the meter. */
export function measurePersonalisation(input: { body: string; template: string } & MergeValues): number {
  return ownWordsShare(finaliseBody(input.body, input), mergeTemplate(input.template, input))
}

/** The meter's thresholds, in percent. */
export const METER_LOW = 15
export const METER_HIGH = 40

/** What the meter says at each level, in the page's language (the catalogue's `write.meter`). */
export interface MeterWords {
  low: string
  mid: string
  high: string
}

const ENGLISH_METER: MeterWords = {
  low: 'Mostly the campaign’s words so far. Add a sentence or two of your own: MPs’ offices notice letters written by constituents.',
  mid: 'Good: part of this is in your own words. A personal reason or a local detail makes it stronger still.',
  high: 'Great: this letter is largely in your own words.',
}

export function personalisationMessage(share: number, words: MeterWords = ENGLISH_METER): string {
  const percent = Math.round(share * 100)
  if (percent < METER_LOW) return words.low
  if (percent < METER_HIGH) return words.mid
  return words.high
}
