import { Button, Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { EmailLayout, buttonStyle, type EmailHelp } from '~/mail/templates/layout'

export interface DataRequestProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  /** The page where they can download or erase what we hold. */
  dataUrl: string
  validHours: number
  /** The language of the page they asked on (decision 110); links queued before it existed are English. */
  language?: Language
}

export function DataRequestEmail({ dataUrl, validHours, help, language = 'en' }: DataRequestProps) {
  const t = messagesFor(language).dataRequestEmail
  return (
    <EmailLayout help={help} language={language} preview={t.preview} footer={t.footer}>
      <Text>{t.asked}</Text>
      <Button href={dataUrl} style={buttonStyle}>
        {t.button}
      </Button>
      <Text>
        {t.pasteLink} {dataUrl}
      </Text>
      <Text>{fill(t.fromThere, { hours: validHours })}</Text>
    </EmailLayout>
  )
}

export function dataRequestText({ dataUrl, validHours, language = 'en' }: DataRequestProps) {
  const t = messagesFor(language).dataRequestEmail
  return `${t.asked}

${t.openText}

${dataUrl}

${fill(t.worksText, { hours: validHours })}`
}
