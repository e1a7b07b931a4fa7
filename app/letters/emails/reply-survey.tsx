import { Button, Text } from '@react-email/components'
import { EmailLayout, buttonStyle, type EmailHelp } from '~/mail/templates/layout'

export interface ReplySurveyProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  name: string
  mpName: string
  repliedUrl: string
  acknowledgedUrl: string
  noReplyUrl: string
}

const answerStyle = { ...buttonStyle, margin: '0 8px 10px 0' }

export function ReplySurveyEmail({ name, mpName, repliedUrl, acknowledgedUrl, noReplyUrl, help }: ReplySurveyProps) {
  return (
    <EmailLayout help={help}
      preview={`Did ${mpName} reply? Tell us in a moment`}
      footer="This is the only time we will ask. Your answer is counted with others to show which MPs answer their constituents; we never publish what you tell us about yourself."
    >
      <Text>Dear {name},</Text>
      <Text>
        Two weeks ago you wrote to {mpName} about a Duty of Care for tech companies. Did they reply? Pick an answer, then press the button on
        our page to record it:
      </Text>
      <Button href={repliedUrl} style={answerStyle}>
        Yes, they replied
      </Button>
      <Button href={acknowledgedUrl} style={answerStyle}>
        Only an acknowledgement
      </Button>
      <Button href={noReplyUrl} style={answerStyle}>
        No reply yet
      </Button>
      <Text>Knowing who answers helps us decide where to push next.</Text>
    </EmailLayout>
  )
}

export function replySurveyText({ name, mpName, repliedUrl, acknowledgedUrl, noReplyUrl }: ReplySurveyProps) {
  return `Dear ${name},

Two weeks ago you wrote to ${mpName} about a Duty of Care for tech companies. Did they reply? Open one link, then press the button on our page to record it:

Yes, they replied: ${repliedUrl}
Only an acknowledgement: ${acknowledgedUrl}
No reply yet: ${noReplyUrl}

This is the only time we will ask.`
}
