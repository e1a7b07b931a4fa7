// The campaign's words (asks, figures, Emily's story) in a page's language (decision 110).
import type { Language } from '~/i18n/language'
import * as english from './content'
import * as welsh from './content.cy'

export function campaignWords(language: Language) {
  const words = language === 'cy' ? welsh : english
  return { campaign: words.campaign, asks: words.asks, timingAsk: words.timingAsk, figures: words.figures, story: words.story, context: words.context }
}
