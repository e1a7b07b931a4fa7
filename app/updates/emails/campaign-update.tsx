import { Link, Text } from '@react-email/components'
import { Markdown, markdownToText } from '../markdown'
import { EmailLayout, type EmailHelp } from '~/mail/templates/layout'

export interface CampaignUpdateProps {
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
  subject: string
  bodyMarkdown: string
  /** This recipient's one-click unsubscribe page. */
  unsubscribeUrl: string
  privacyUrl: string
  /** A test sent to the admin composing it. */
  isTest?: boolean
}

const styles = {
  paragraph: { fontSize: '16px', lineHeight: '24px', margin: '16px 0' },
  list: { fontSize: '16px', lineHeight: '24px', paddingLeft: '24px' },
  link: { color: '#1d3f72', textDecoration: 'underline' },
}

export function CampaignUpdateEmail({ subject, bodyMarkdown, unsubscribeUrl, privacyUrl, isTest, help }: CampaignUpdateProps) {
  return (
    <EmailLayout help={help}
      preview={subject}
      footer={
        <>
          You are receiving this because you asked for updates when you signed the Duty of Care petition.{' '}
          <Link href={unsubscribeUrl}>Unsubscribe from campaign updates</Link> (one click, no sign-in). How we use your
          details: <Link href={privacyUrl}>{privacyUrl}</Link>
        </>
      }
    >
      {isTest ? <Text style={{ fontWeight: 700, color: '#a4262c' }}>Test send: only you received this.</Text> : null}
      <Markdown source={bodyMarkdown} styles={styles} />
    </EmailLayout>
  )
}

export function campaignUpdateText({ bodyMarkdown, unsubscribeUrl, privacyUrl, isTest }: CampaignUpdateProps) {
  return `${isTest ? 'TEST SEND: only you received this.\n\n' : ''}${markdownToText(bodyMarkdown)}

--
You are receiving this because you asked for updates when you signed the Duty of Care petition.
Unsubscribe (one click): ${unsubscribeUrl}
How we use your details: ${privacyUrl}`
}
