import { Link, Text } from '@react-email/components'
import { EmailLayout } from '~/mail/templates/layout'

export interface AlreadySignedProps {
  name: string
  writeUrl: string
}

export function AlreadySignedEmail({ name, writeUrl }: AlreadySignedProps) {
  return (
    <EmailLayout preview="You have already signed the Duty of Care petition">
      <Text>Dear {name},</Text>
      <Text>Someone — probably you — tried to sign the Duty of Care petition again with this email address. You have already signed, and each person counts once, so nothing has changed.</Text>
      <Text>
        Want to do more? Email your MP and ask them to back the Bill: <Link href={writeUrl}>{writeUrl}</Link>
      </Text>
    </EmailLayout>
  )
}

export function alreadySignedText({ name, writeUrl }: AlreadySignedProps) {
  return `Dear ${name},

Someone — probably you — tried to sign the Duty of Care petition again with this email address. You have already signed, and each person counts once, so nothing has changed.

Want to do more? Email your MP: ${writeUrl}`
}
