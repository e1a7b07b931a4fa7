// The words the /write steps render, in the page's language: loaders pick them from the catalogue
// (messagesFor(language).write, decision 110) and hand them to the components as data, so no words travel as
// JavaScript. Types only here.
import type { Messages } from '~/i18n/messages.server'
import type { Language } from '~/i18n/language'

export type WriteWords = Messages['write']
export type FormWords = Messages['form']

/** What every /write step needs to speak the page's language. */
export interface WriteLocale {
  language: Language
  t: WriteWords
  form: FormWords
}
