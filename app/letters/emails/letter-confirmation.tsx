// Sent to whatever address was typed on /write, so it carries nothing the
// writer typed but their name (short, checked, no web addresses): not the
// letter, not its subject. The letter is on the page behind the link, where
// a button sends it (decision 056: the campaign's mail is no relay).
import { Button, Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { EmailLayout, buttonStyle, type EmailHelp } from '~/mail/templates/layout'

export interface LetterConfirmationProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  name: string
  mpName: string
  /** Missing on reminders queued before it was added. */
  constituency?: string
  confirmUrl: string
  linkDays: number
  /** The one reminder, a day after the first email. */
  reminder?: boolean
  /** The language they wrote in (decision 110); mail queued before it existed is English. */
  language?: Language
}

export function LetterConfirmationEmail({ name, mpName, constituency, confirmUrl, linkDays, reminder, help, language = 'en' }: LetterConfirmationProps) {
  const t = messagesFor(language)
  const w = t.write.email
  const values = { name, mp: mpName, seat: constituency ?? '', days: linkDays }
  return (
    <EmailLayout help={help} language={language} preview={fill(w.confirmPreview, values)} footer={w.confirmFooter}>
      <Text>{fill(t.email.dear, values)}</Text>
      <Text>
        {reminder ? `${w.stillWaiting} ` : ''}
        {fill(w.letterTo, values)}
        {constituency ? fill(w.mpFor, values) : ''} {w.confirmBody}
      </Text>
      <Button href={confirmUrl} style={buttonStyle}>
        {w.confirmButton}
      </Button>
      <Text>
        {w.pasteLink} {confirmUrl}
      </Text>
      <Text>{fill(w.linkDays, values)}</Text>
    </EmailLayout>
  )
}

export function letterConfirmationText({ name, mpName, constituency, confirmUrl, linkDays, reminder, language = 'en' }: LetterConfirmationProps) {
  const t = messagesFor(language)
  const w = t.write.email
  const values = { name, mp: mpName, seat: constituency ?? '', days: linkDays }
  return `${fill(t.email.dear, values)}

${reminder ? `${w.stillWaiting} ` : ''}${fill(w.letterTo, values)}${constituency ? fill(w.mpFor, values) : ''} ${w.confirmBodyText}

${confirmUrl}

${fill(w.linkDays, values).replace('’', language === 'en' ? "'" : '’')}

${w.confirmFooterText}`
}
