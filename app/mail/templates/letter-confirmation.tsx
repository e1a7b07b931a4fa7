import { Button, Text } from '@react-email/components'
import type { LetterParts } from '~/letters/letter-text'
import { EmailLayout, buttonStyle } from './layout'
import { LetterBlock, letterText } from './letter-parts'

export interface LetterConfirmationProps {
  name: string
  mpName: string
  confirmUrl: string
  subject: string
  letter: LetterParts
  linkDays: number
  /** The one reminder, a day after the first email. */
  reminder?: boolean
}

export function LetterConfirmationEmail({ name, mpName, confirmUrl, subject, letter, linkDays, reminder }: LetterConfirmationProps) {
  return (
    <EmailLayout
      preview={`One click sends your letter to ${mpName}`}
      footer={`If you did not write this letter, ignore this email: nothing is sent without your click, and we delete the letter when the link expires.`}
    >
      <Text>Dear {name},</Text>
      <Text>
        {reminder ? `Your letter to ${mpName} is still waiting for you. ` : ''}
        Please confirm that you want us to send your letter to {mpName}. We send it only once you click.
      </Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Send my letter to {mpName}
      </Button>
      <Text>Or paste this link into your browser: {confirmUrl}</Text>
      <Text>The link works for {linkDays} days. {mpName}’s reply will come straight to this email address.</Text>
      <Text style={{ fontWeight: 700 }}>Your letter — subject: {subject}</Text>
      <LetterBlock letter={letter} boxed />
    </EmailLayout>
  )
}

export function letterConfirmationText({ name, mpName, confirmUrl, subject, letter, linkDays, reminder }: LetterConfirmationProps) {
  return `Dear ${name},

${reminder ? `Your letter to ${mpName} is still waiting for you. ` : ''}Please confirm that you want us to send your letter to ${mpName}. We send it only once you open this link:

${confirmUrl}

The link works for ${linkDays} days. ${mpName}'s reply will come straight to this email address.

Your letter — subject: ${subject}

${letterText(letter)}

If you did not write this letter, ignore this email: nothing is sent without your click.`
}
