import { Link, Text } from '@react-email/components'
import { Markdown, markdownToText } from '../markdown'
import type { Language } from '~/i18n/language'
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
  /** The version's language (decision 078); updates queued before it existed are English. */
  language?: Language
}

/** The footer's words; the Welsh awaits review by a Welsh speaker, like content.cy.ts. */
const WORDS = {
  en: {
    why: 'You are receiving this because you asked for updates when you signed the Duty of Care petition.',
    unsubscribe: 'Unsubscribe from campaign updates',
    oneClick: '(one click, no sign-in).',
    unsubscribeText: 'Unsubscribe (one click):',
    privacy: 'How we use your details:',
    test: 'Test send: only you received this.',
    testText: 'TEST SEND: only you received this.',
  },
  cy: {
    why: 'Rydych yn cael hwn oherwydd i chi ofyn am newyddion pan lofnodoch ddeiseb Dyletswydd Gofal.',
    unsubscribe: 'Dad-danysgrifio o newyddion yr ymgyrch',
    oneClick: '(un clic, dim angen mewngofnodi).',
    unsubscribeText: 'Dad-danysgrifio (un clic):',
    privacy: 'Sut rydym yn defnyddio eich manylion:',
    test: 'Anfon prawf: dim ond chi a gafodd hwn.',
    testText: 'ANFON PRAWF: dim ond chi a gafodd hwn.',
  },
} satisfies Record<Language, Record<string, string>>

const styles = {
  paragraph: { fontSize: '16px', lineHeight: '24px', margin: '16px 0' },
  list: { fontSize: '16px', lineHeight: '24px', paddingLeft: '24px' },
  link: { color: '#1d3f72', textDecoration: 'underline' },
}

export function CampaignUpdateEmail({ subject, bodyMarkdown, unsubscribeUrl, privacyUrl, isTest, help, language = 'en' }: CampaignUpdateProps) {
  const t = WORDS[language]
  return (
    <EmailLayout help={help}
      preview={subject}
      language={language}
      footer={
        <>
          {t.why} <Link href={unsubscribeUrl}>{t.unsubscribe}</Link> {t.oneClick} {t.privacy} <Link href={privacyUrl}>{privacyUrl}</Link>
        </>
      }
    >
      {isTest ? <Text style={{ fontWeight: 700, color: '#a4262c' }}>{t.test}</Text> : null}
      <Markdown source={bodyMarkdown} styles={styles} />
    </EmailLayout>
  )
}

export function campaignUpdateText({ bodyMarkdown, unsubscribeUrl, privacyUrl, isTest, language = 'en' }: CampaignUpdateProps) {
  const t = WORDS[language]
  return `${isTest ? `${t.testText}\n\n` : ''}${markdownToText(bodyMarkdown)}

--
${t.why}
${t.unsubscribeText} ${unsubscribeUrl}
${t.privacy} ${privacyUrl}`
}
