// The letter itself, as the MP's office receives it: plain, no campaign
// branding, the constituent's details first. Sent From "<name> via Duty of
// Care" at the campaign's address, Reply-To the constituent.
import { Body, Container, Head, Html, Preview } from '@react-email/components'
import type { LetterParts } from '~/letters/letter-text'
import { LetterBlock, letterText } from './letter-parts'

export interface LetterToMpProps {
  letter: LetterParts
}

export function LetterToMpEmail({ letter }: LetterToMpProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`A letter from ${letter.sender[0]}, your constituent`}</Preview>
      <Body style={{ backgroundColor: '#ffffff', fontFamily: 'system-ui, Arial, sans-serif', color: '#1b1b1f' }}>
        <Container style={{ maxWidth: '640px', padding: '16px' }}>
          <LetterBlock letter={letter} />
        </Container>
      </Body>
    </Html>
  )
}

export function letterToMpText({ letter }: LetterToMpProps) {
  return letterText(letter)
}
