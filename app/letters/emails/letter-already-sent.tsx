import { Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { EmailLayout, type EmailHelp } from '~/mail/templates/layout'

export interface LetterAlreadySentProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  name: string
  mpName: string
  /** The language they wrote in (decision 110); mail queued before it existed is English. */
  language?: Language
}

export function LetterAlreadySentEmail({ name, mpName, help, language = 'en' }: LetterAlreadySentProps) {
  const t = messagesFor(language)
  const values = { mp: mpName, name }
  return (
    <EmailLayout help={help} language={language} preview={fill(t.write.email.alreadySubject, values)}>
      <Text>{fill(t.email.dear, values)}</Text>
      <Text>{fill(t.write.email.alreadyText, values)}</Text>
      <Text>{t.write.email.alreadyMore}</Text>
    </EmailLayout>
  )
}

export function letterAlreadySentText({ name, mpName, language = 'en' }: LetterAlreadySentProps) {
  const t = messagesFor(language)
  const values = { mp: mpName, name }
  return `${fill(t.email.dear, values)}

${fill(t.write.email.alreadyText, values)}

${t.write.email.alreadyMore.replace('’', language === 'en' ? "'" : '’')}`
}
