import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { organisation } from '~/lib/organisation.server'
import { env } from '~/lib/env.server'

/** Where to get help (decision 111), for the footer of an email to a supporter: its words already in the email's language. */
export interface EmailHelp {
  heading: string
  lines: { name: string; for: string; phone: string; tel: string; other: string; otherHref: string }[]
}

/**
 * Every email's frame (decision 096): at most 600 px wide and fluid below it, so a phone's mail app never
 * zooms out; any long word or pasted link breaks instead of widening the message; the footer says who
 * sent it and where they are, as a charity's mail must.
 */
export function EmailLayout({
  preview,
  children,
  footer,
  language = 'en',
  help,
}: {
  preview: string
  children: ReactNode
  footer?: ReactNode
  /** The supporter's language (decision 110). */
  language?: Language
  help?: EmailHelp
}) {
  const sender = organisation()
  const t = messagesFor(language).email
  return (
    <Html lang={language === 'cy' ? 'cy' : 'en'}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#ffffff', fontFamily: 'system-ui, Arial, sans-serif', color: '#1b1b1f', margin: 0, padding: 0 }}>
        <Container style={{ width: '100%', maxWidth: '600px', padding: '24px 16px', boxSizing: 'border-box', ...wrapEverything }}>
          {sender.logoUrl ? <Img src={`${env().APP_URL}${sender.logoUrl}`} alt={sender.name} height="40" style={{ height: '40px', width: 'auto', marginBottom: '8px' }} /> : null}
          <Text style={{ fontSize: '14px', fontWeight: 700, color: '#1d3f72', margin: 0 }}>{t.campaignName}</Text>
          <Section style={wrapEverything}>{children}</Section>
          <Hr />
          {help ? (
            <Section style={wrapEverything} data-help-lines="">
              <Text style={{ fontSize: '13px', fontWeight: 700, margin: '0 0 4px' }}>{help.heading}</Text>
              {help.lines.map((line) => (
                <Text key={line.name} style={{ fontSize: '13px', margin: '0 0 4px', ...wrapEverything }}>
                  {line.name}, {line.for}: <Link href={line.tel}>{line.phone}</Link>, <Link href={line.otherHref}>{line.other}</Link>
                </Text>
              ))}
            </Section>
          ) : null}
          <Text style={{ fontSize: '12px', color: '#4a4a55', ...wrapEverything }}>{footer ?? t.footer}</Text>
          <Text style={{ fontSize: '12px', color: '#4a4a55', ...wrapEverything }}>{organisationLine(language)}</Text>
        </Container>
      </Body>
    </Html>
  )
}

/** The sender's identity, for the HTML footer and the plain-text part. */
export function organisationLine(language: Language = 'en') {
  const sender = organisation()
  return fill(messagesFor(language).email.sentBy, { name: sender.name, address: sender.address, charityNumber: sender.charityNumber })
}

/** The help lines as plain text, for an email's text part. */
export function helpText(help: EmailHelp) {
  return [help.heading, ...help.lines.map((line) => `${line.name}, ${line.for}: ${line.phone}, ${line.other}`)].join('\n')
}

const wrapEverything = { overflowWrap: 'anywhere', wordBreak: 'break-word' } as const

export const buttonStyle = {
  backgroundColor: '#0b6e4f',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '6px',
  fontWeight: 700,
  textDecoration: 'none',
  display: 'inline-block',
  maxWidth: '100%',
  boxSizing: 'border-box',
} as const
