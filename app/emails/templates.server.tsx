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
import { helpLines } from '~/campaign/help-lines.server'
import { isLanguage, type Language } from '~/i18n/language'
import { helpText, organisationLine, type EmailHelp } from '~/mail/templates/layout'

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

/** Emails to MPs carry no help lines: every other email goes to a supporter (decision 111). */
const NOT_TO_SUPPORTERS: ReadonlySet<TemplateName> = new Set(['letter-to-mp'])

/** Where to get help, in the email's language, at send time (so a campaigner's edit reaches mail already queued). */
async function emailHelp(language: Language): Promise<EmailHelp> {
  const help = await helpLines(language)
  return {
    heading: help.heading,
    lines: [
      { name: help.nspccName, for: help.nspccFor, phone: help.nspccPhone, tel: help.nspccTel, other: help.nspccEmail, otherHref: `mailto:${help.nspccEmail}` },
      { name: help.childlineName, for: help.childlineFor, phone: help.childlinePhone, tel: help.childlineTel, other: help.childlineWeb, otherHref: help.childlineUrl },
    ],
  }
}

export async function renderEmail(name: string, stored: Record<string, unknown>) {
  if (!isTemplateName(name)) throw new Error(`Unknown email template: ${name}`)
  const definition = templates[name] as unknown as TemplateDefinition<Record<string, unknown>>
  const language: Language = isLanguage(stored.language) ? stored.language : 'en'
  const help = NOT_TO_SUPPORTERS.has(name) ? undefined : await emailHelp(language)
  const props = help ? { ...stored, help } : stored
  const html = await render(createElement(definition.component, props))
  const text = [definition.text(props), help ? helpText(help) : null].filter(Boolean).join('\n\n')
  return { html, text: `${text}\n\n--\n${organisationLine(language)}` }
}
