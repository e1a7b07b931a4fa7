import { Button, Link, Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { EmailLayout, buttonStyle, type EmailHelp } from '~/mail/templates/layout'

export interface SignatureConfirmationProps {
  name: string
  confirmUrl: string
  privacyUrl: string
  /** The language they signed in (decision 110); emails queued before it existed are English. */
  language?: Language
  /** Where to get help (decision 111), added at render time. */
  help?: EmailHelp
}

export function SignatureConfirmationEmail({ name, confirmUrl, privacyUrl, language = 'en', help }: SignatureConfirmationProps) {
  const t = messagesFor(language).email
  return (
    <EmailLayout
      preview={t.confirmationPreview}
      language={language}
      help={help}
      footer={
        <>
          {t.confirmationFooter} <Link href={privacyUrl}>{privacyUrl}</Link>
        </>
      }
    >
      <Text>{fill(t.dear, { name })}</Text>
      <Text>{t.confirmationBody}</Text>
      <Button href={confirmUrl} style={buttonStyle}>
        {t.confirmButton}
      </Button>
      <Text>
        {t.pasteLink} {confirmUrl}
      </Text>
      <Text>{t.countsOnce}</Text>
    </EmailLayout>
  )
}

export function signatureConfirmationText({ name, confirmUrl, language = 'en' }: SignatureConfirmationProps) {
  const t = messagesFor(language).email
  return `${fill(t.dear, { name })}

${t.confirmationBodyText}

${confirmUrl}

${t.countsOnce}
${t.ignore}`
}
