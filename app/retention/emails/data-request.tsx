import { Button, Text } from '@react-email/components'
import { EmailLayout, buttonStyle, type EmailHelp } from '~/mail/templates/layout'

export interface DataRequestProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  /** The page where they can download or erase what we hold. */
  dataUrl: string
  validHours: number
}

export function DataRequestEmail({ dataUrl, validHours, help }: DataRequestProps) {
  return (
    <EmailLayout help={help}
      preview="Your link to see or erase your data"
      footer="If you did not ask for this, ignore this email: nothing changes, and the link stops working on its own."
    >
      <Text>You asked to see, or erase, what the Duty of Care campaign holds about this email address.</Text>
      <Button href={dataUrl} style={buttonStyle}>
        See my data
      </Button>
      <Text>Or paste this link into your browser: {dataUrl}</Text>
      <Text>From there you can download a copy of everything (as a JSON file) or ask us to erase it. The link works for {validHours} hours.</Text>
    </EmailLayout>
  )
}

export function dataRequestText({ dataUrl, validHours }: DataRequestProps) {
  return `You asked to see, or erase, what the Duty of Care campaign holds about this email address.

Open this link to download a copy of everything (as a JSON file) or ask us to erase it:

${dataUrl}

The link works for ${validHours} hours. If you did not ask for this, ignore this email: nothing changes.`
}
