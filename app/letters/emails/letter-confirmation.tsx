// Sent to whatever address was typed on /write, so it carries nothing the
// writer typed but their name (short, checked, no web addresses): not the
// letter, not its subject. The letter is on the page behind the link, where
// a button sends it (decision 056: the campaign's mail is no relay).
import { Button, Text } from '@react-email/components'
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
}

export function LetterConfirmationEmail({ name, mpName, constituency, confirmUrl, linkDays, reminder, help }: LetterConfirmationProps) {
  return (
    <EmailLayout help={help}
      preview={`Your letter to ${mpName} is waiting for you`}
      footer="If you did not write to your MP on the Duty of Care campaign site, ignore this email: nothing is sent unless you press the button on our page, and we delete the letter when the link expires."
    >
      <Text>Dear {name},</Text>
      <Text>
        {reminder ? 'Your letter is still waiting for you. ' : ''}
        A letter to {mpName}
        {constituency ? `, MP for ${constituency},` : ''} was written on the Duty of Care campaign site with this email address. Open the link
        to read it, and press the button on that page to send it. We send nothing until you do.
      </Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Read and send my letter
      </Button>
      <Text>Or paste this link into your browser: {confirmUrl}</Text>
      <Text>The link works for {linkDays} days. {mpName}’s reply will come straight to this email address.</Text>
    </EmailLayout>
  )
}

export function letterConfirmationText({ name, mpName, constituency, confirmUrl, linkDays, reminder }: LetterConfirmationProps) {
  return `Dear ${name},

${reminder ? 'Your letter is still waiting for you. ' : ''}A letter to ${mpName}${constituency ? `, MP for ${constituency},` : ''} was written on the Duty of Care campaign site with this email address. Open this link to read it, and press the button on that page to send it. We send nothing until you do:

${confirmUrl}

The link works for ${linkDays} days. ${mpName}'s reply will come straight to this email address.

If you did not write to your MP on the Duty of Care campaign site, ignore this email: nothing is sent unless you press the button.`
}
