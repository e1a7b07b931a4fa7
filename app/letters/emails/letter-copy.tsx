import { Text } from '@react-email/components'
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
}

export function LetterCopyEmail({ name, mpName, subject, letter, help }: LetterCopyProps) {
  return (
    <EmailLayout help={help} preview={`Your letter is on its way to ${mpName}`}>
      <Text>Dear {name},</Text>
      <Text>
        Thank you. Your letter is on its way to {mpName}, and here is a copy for your records. It comes from our website with your
        name on it, and any reply from {mpName} will come straight to you.
      </Text>
      <Text>In about two weeks we will ask you, just once, whether your MP replied.</Text>
      <Text style={{ fontWeight: 700 }}>Subject: {subject}</Text>
      <LetterBlock letter={letter} boxed />
    </EmailLayout>
  )
}

export function letterCopyText({ name, mpName, subject, letter }: LetterCopyProps) {
  return `Dear ${name},

Thank you. Your letter is on its way to ${mpName}, and here is a copy for your records. Any reply from ${mpName} will come straight to you.

In about two weeks we will ask you, just once, whether your MP replied.

Subject: ${subject}

${letterText(letter)}`
}
