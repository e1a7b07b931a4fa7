// The letter itself, as the MP's office receives it: plain, no campaign
// branding, the constituent's details first. Sent From "<name> via Duty of
// Care" at the campaign's address, Reply-To the constituent.
import { Body, Container, Head, Html, Preview, Text } from '@react-email/components'
import type { LetterParts } from '~/letters/letter-text'
import { organisationLine } from '~/mail/templates/layout'
import { LetterBlock, letterText } from './letter-parts'

export interface LetterToMpProps {
  letter: LetterParts
}

export function LetterToMpEmail({ letter }: LetterToMpProps) {
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{`A letter from ${letter.sender[0]}, your constituent`}</Preview>
      <Body style={{ backgroundColor: '#ffffff', fontFamily: 'system-ui, Arial, sans-serif', color: '#1b1b1f', margin: 0 }}>
        {/* As wide as every other email (decision 096), so an office reading on a phone need not zoom. */}
        <Container style={{ width: '100%', maxWidth: '600px', padding: '16px', boxSizing: 'border-box', overflowWrap: 'anywhere', wordBreak: 'break-word' }}>
          <LetterBlock letter={letter} />
          <Text style={{ fontSize: '12px', color: '#4a4a55' }}>{organisationLine()}</Text>
        </Container>
      </Body>
    </Html>
  )
}

export function letterToMpText({ letter }: LetterToMpProps) {
  return letterText(letter)
}
