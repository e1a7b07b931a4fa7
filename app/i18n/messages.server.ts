// The message catalogue (decision 110): pick a language's messages on the server; pages get the part they render.
import { cy } from './cy.server'
import { en, type Messages } from './en.server'
import type { Language } from './language'

export type { Messages }

export function messagesFor(language: Language): Messages {
  return language === 'cy' ? cy : en
}

/** A form's errors in the page's language: the field rules (app/lib/supporter-fields) speak English. */
export function translateFieldErrors<R extends { error?: Record<string, string[] | null> | null } | undefined>(result: R, language: Language): R {
  if (language === 'en' || !result?.error) return result
  const welsh = new Map([
    ...Object.entries(en.validation).map(([key, english]) => [english, cy.validation[key as keyof Messages['validation']]] as const),
    ...Object.entries(en.write.validation).map(([key, english]) => [english, cy.write.validation[key as keyof Messages['write']['validation']]] as const),
  ])
  const error = Object.fromEntries(Object.entries(result.error).map(([field, messages]) => [field, messages?.map((m) => welsh.get(m) ?? m) ?? null]))
  return { ...result, error }
}

export type SignFormWords = Messages['signForm'] & Messages['form']

/** What the sign form shows, in `language`. */
export function signFormWords(language: Language): SignFormWords {
  const messages = messagesFor(language)
  return { ...messages.signForm, ...messages.form }
}
