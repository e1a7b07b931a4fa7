import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import { organisation } from '~/lib/organisation.server'
import { env } from '~/lib/env.server'

/**
 * Every email's frame (decision 096): at most 600 px wide and fluid below it, so a phone's mail app never
 * zooms out; any long word or pasted link breaks instead of widening the message; the footer says who
 * sent it and where they are, as a charity's mail must.
 */
export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer?: ReactNode }) {
  const sender = organisation()
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#ffffff', fontFamily: 'system-ui, Arial, sans-serif', color: '#1b1b1f', margin: 0, padding: 0 }}>
        <Container style={{ width: '100%', maxWidth: '600px', padding: '24px 16px', boxSizing: 'border-box', ...wrapEverything }}>
          {sender.logoUrl ? <Img src={`${env().APP_URL}${sender.logoUrl}`} alt={sender.name} height="40" style={{ height: '40px', width: 'auto', marginBottom: '8px' }} /> : null}
          <Text style={{ fontSize: '14px', fontWeight: 700, color: '#1d3f72', margin: 0 }}>Duty of Care campaign</Text>
          <Section style={wrapEverything}>{children}</Section>
          <Hr />
          <Text style={{ fontSize: '12px', color: '#4a4a55', ...wrapEverything }}>
            {footer ?? 'You are receiving this because this address was entered on the Duty of Care campaign site.'}
          </Text>
          <Text style={{ fontSize: '12px', color: '#4a4a55', ...wrapEverything }}>{organisationLine()}</Text>
        </Container>
      </Body>
    </Html>
  )
}

/** The sender's identity, for the HTML footer and the plain-text part. */
export function organisationLine() {
  const sender = organisation()
  return `Sent by ${sender.name}, ${sender.address}. Registered charity number ${sender.charityNumber}.`
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
