import { Text } from '@react-email/components'
import { EmailLayout, type EmailHelp } from '~/mail/templates/layout'

export interface LetterAlreadySentProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  name: string
  mpName: string
}

export function LetterAlreadySentEmail({ name, mpName, help }: LetterAlreadySentProps) {
  return (
    <EmailLayout help={help} preview={`You have already written to ${mpName}`}>
      <Text>Dear {name},</Text>
      <Text>
        Someone — probably you — asked to send another letter to {mpName} with this email address. You have already written to{' '}
        {mpName} through our website, and we send one letter from each person to each MP, so nothing more has been sent.
      </Text>
      <Text>If you want to add something, reply to the email your MP’s office sent you, or write to them from your own email.</Text>
    </EmailLayout>
  )
}

export function letterAlreadySentText({ name, mpName }: LetterAlreadySentProps) {
  return `Dear ${name},

Someone — probably you — asked to send another letter to ${mpName} with this email address. You have already written to ${mpName} through our website, and we send one letter from each person to each MP, so nothing more has been sent.

If you want to add something, reply to the email your MP's office sent you, or write to them from your own email.`
}
