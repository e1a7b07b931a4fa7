import { EmailLayout } from '~/mail/templates/layout'
import { BriefingBody, briefingBodyText, type BriefingValues } from '../briefing-text'

export interface MpBriefingProps {
  /** The subject as this MP gets it. */
  subject: string
  /** The campaign's template; the MP's values are filled in when it is rendered. */
  bodyMarkdown: string
  values: BriefingValues
}

const styles = {
  paragraph: { fontSize: '16px', lineHeight: '24px', margin: '16px 0' },
  list: { fontSize: '16px', lineHeight: '24px', paddingLeft: '24px' },
  link: { color: '#1d3f72', textDecoration: 'underline' },
}

function footerText(values: BriefingValues) {
  return `You are receiving this as the Member of Parliament for ${values.constituency}, where ${values.signatures.toLocaleString('en-GB')} people have signed the Duty of Care petition. The campaign sends each MP at most one briefing in 30 days.`
}

export function MpBriefingEmail({ subject, bodyMarkdown, values }: MpBriefingProps) {
  return (
    <EmailLayout preview={subject} footer={footerText(values)}>
      <BriefingBody template={bodyMarkdown} values={values} styles={styles} />
    </EmailLayout>
  )
}

export function mpBriefingText({ bodyMarkdown, values }: MpBriefingProps) {
  return `${briefingBodyText(bodyMarkdown, values)}

--
${footerText(values)}`
}
