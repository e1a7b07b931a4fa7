import { Button, Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { EmailLayout, buttonStyle, type EmailHelp } from '~/mail/templates/layout'

export interface ReplySurveyProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  name: string
  mpName: string
  repliedUrl: string
  acknowledgedUrl: string
  noReplyUrl: string
  /** The language they wrote in (decision 110); mail queued before it existed is English. */
  language?: Language
}

const answerStyle = { ...buttonStyle, margin: '0 8px 10px 0' }

export function ReplySurveyEmail({ name, mpName, repliedUrl, acknowledgedUrl, noReplyUrl, help, language = 'en' }: ReplySurveyProps) {
  const t = messagesFor(language)
  const w = t.write.email
  const r = t.write.reply
  const values = { name, mp: mpName }
  return (
    <EmailLayout help={help} language={language} preview={fill(w.surveyPreview, values)} footer={w.surveyFooter}>
      <Text>{fill(t.email.dear, values)}</Text>
      <Text>{fill(w.surveyText, values)}</Text>
      <Button href={repliedUrl} style={answerStyle}>
        {r.repliedButton}
      </Button>
      <Button href={acknowledgedUrl} style={answerStyle}>
        {r.acknowledgedButton}
      </Button>
      <Button href={noReplyUrl} style={answerStyle}>
        {r.noReplyButton}
      </Button>
      <Text>{w.surveyWhy}</Text>
    </EmailLayout>
  )
}

export function replySurveyText({ name, mpName, repliedUrl, acknowledgedUrl, noReplyUrl, language = 'en' }: ReplySurveyProps) {
  const t = messagesFor(language)
  const w = t.write.email
  const r = t.write.reply
  const values = { name, mp: mpName }
  return `${fill(t.email.dear, values)}

${fill(w.surveyTextPlain, values)}

${r.repliedButton}: ${repliedUrl}
${r.acknowledgedButton}: ${acknowledgedUrl}
${r.noReplyButton}: ${noReplyUrl}

${w.surveyOnce}`
}
