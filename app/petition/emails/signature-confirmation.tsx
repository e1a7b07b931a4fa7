import { Button, Link, Text } from '@react-email/components'
import { EmailLayout, buttonStyle } from '~/mail/templates/layout'

export interface SignatureConfirmationProps {
  name: string
  confirmUrl: string
  privacyUrl: string
}

export function SignatureConfirmationEmail({ name, confirmUrl, privacyUrl }: SignatureConfirmationProps) {
  return (
    <EmailLayout
      preview="Confirm your signature on the Duty of Care petition"
      footer={
        <>
          If you did not sign, ignore this email: your name is added only if you press the button on our page, and we delete
          the request after 30 days. How we use your details: <Link href={privacyUrl}>{privacyUrl}</Link>
        </>
      }
    >
      <Text>Dear {name},</Text>
      <Text>
        Please confirm your signature on the petition asking the Prime Minister for an Online Harms Bill with a legal Duty of Care on tech
        companies: open the link, then press the button on the page.
      </Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Confirm my signature
      </Button>
      <Text>Or paste this link into your browser: {confirmUrl}</Text>
      <Text>Your signature only counts once you have confirmed it. The link works for 30 days.</Text>
    </EmailLayout>
  )
}

export function signatureConfirmationText({ name, confirmUrl }: SignatureConfirmationProps) {
  return `Dear ${name},

Please confirm your signature on the Duty of Care petition: open this link, then press the button on the page.

${confirmUrl}

Your signature only counts once you have confirmed it. The link works for 30 days.
If you did not sign, ignore this email.`
}
