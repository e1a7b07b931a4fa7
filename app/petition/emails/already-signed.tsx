import { Link, Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { EmailLayout, type EmailHelp } from '~/mail/templates/layout'

export interface AlreadySignedProps {
  name: string
  writeUrl: string
  /** The language they first signed in (decision 110). */
  language?: Language
  help?: EmailHelp
}

export function AlreadySignedEmail({ name, writeUrl, language = 'en', help }: AlreadySignedProps) {
  const t = messagesFor(language).email
  return (
    <EmailLayout preview={t.alreadySignedSubject} language={language} help={help}>
      <Text>{fill(t.dear, { name })}</Text>
      <Text>{t.alreadySignedText}</Text>
      <Text>
        {t.alreadySignedMore} <Link href={writeUrl}>{writeUrl}</Link>
      </Text>
    </EmailLayout>
  )
}

export function alreadySignedText({ name, writeUrl, language = 'en' }: AlreadySignedProps) {
  const t = messagesFor(language).email
  return `${fill(t.dear, { name })}

${t.alreadySignedText}

${t.alreadySignedMoreText} ${writeUrl}`
}
