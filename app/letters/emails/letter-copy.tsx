import { Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import type { LetterParts } from '~/letters/letter-text'
import { EmailLayout, type EmailHelp } from '~/mail/templates/layout'
import { LetterBlock, letterText } from './letter-parts'

export interface LetterCopyProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  name: string
  mpName: string
  subject: string
  letter: LetterParts
  /** The language they wrote in (decision 110); mail queued before it existed is English. */
  language?: Language
}

export function LetterCopyEmail({ name, mpName, subject, letter, help, language = 'en' }: LetterCopyProps) {
  const t = messagesFor(language)
  const w = t.write.email
  const values = { name, mp: mpName, subject }
  return (
    <EmailLayout help={help} language={language} preview={fill(w.copyPreview, values)}>
      <Text>{fill(t.email.dear, values)}</Text>
      <Text>{fill(w.copyText, values)}</Text>
      <Text>{w.copyAsk}</Text>
      <Text style={{ fontWeight: 700 }}>{fill(w.subjectLine, values)}</Text>
      <LetterBlock letter={letter} boxed />
    </EmailLayout>
  )
}

export function letterCopyText({ name, mpName, subject, letter, language = 'en' }: LetterCopyProps) {
  const t = messagesFor(language)
  const w = t.write.email
  const values = { name, mp: mpName, subject }
  return `${fill(t.email.dear, values)}

${fill(w.copyTextPlain, values)}

${w.copyAsk}

${fill(w.subjectLine, values)}

${letterText(letter)}`
}
