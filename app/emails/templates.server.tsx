// Every email the app can send, by name. The outbox stores the name and its
// data; the worker renders at send time.
import { render } from '@react-email/render'
import { createElement, type FunctionComponent } from 'react'
import { AlreadySignedEmail, alreadySignedText } from '~/petition/emails/already-signed'
import { SignatureConfirmationEmail, signatureConfirmationText } from '~/petition/emails/signature-confirmation'
import { CampaignUpdateEmail, campaignUpdateText } from '~/updates/emails/campaign-update'
import { DataRequestEmail, dataRequestText } from '~/retention/emails/data-request'
import { LetterAlreadySentEmail, letterAlreadySentText } from '~/letters/emails/letter-already-sent'
import { LetterConfirmationEmail, letterConfirmationText } from '~/letters/emails/letter-confirmation'
import { LetterCopyEmail, letterCopyText } from '~/letters/emails/letter-copy'
import { LetterToMpEmail, letterToMpText } from '~/letters/emails/letter-to-mp'
import { ReplySurveyEmail, replySurveyText } from '~/letters/emails/reply-survey'
import { MpBriefingEmail, mpBriefingText } from '~/briefings/emails/mp-briefing'
import { organisationLine } from '~/mail/templates/layout'

interface TemplateDefinition<Props> {
  component: FunctionComponent<Props>
  text: (props: Props) => string
}

function define<Props>(component: FunctionComponent<Props>, text: (props: Props) => string): TemplateDefinition<Props> {
  return { component, text }
}

export const templates = {
  'signature-confirmation': define(SignatureConfirmationEmail, signatureConfirmationText),
  'already-signed': define(AlreadySignedEmail, alreadySignedText),
  'campaign-update': define(CampaignUpdateEmail, campaignUpdateText),
  'data-request': define(DataRequestEmail, dataRequestText),
  'letter-confirmation': define(LetterConfirmationEmail, letterConfirmationText),
  'letter-already-sent': define(LetterAlreadySentEmail, letterAlreadySentText),
  'letter-to-mp': define(LetterToMpEmail, letterToMpText),
  'letter-copy': define(LetterCopyEmail, letterCopyText),
  'reply-survey': define(ReplySurveyEmail, replySurveyText),
  'mp-briefing': define(MpBriefingEmail, mpBriefingText),
}

export type TemplateName = keyof typeof templates
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]['text']>[0]

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name)
}

export async function renderEmail(name: string, props: Record<string, unknown>) {
  if (!isTemplateName(name)) throw new Error(`Unknown email template: ${name}`)
  const definition = templates[name] as unknown as TemplateDefinition<Record<string, unknown>>
  const html = await render(createElement(definition.component, props))
  return { html, text: `${definition.text(props)}\n\n--\n${organisationLine()}` }
}
