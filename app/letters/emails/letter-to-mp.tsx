// The letter itself, as the MP's office receives it: plain, no campaign
// branding, the constituent's details first. Sent From "<name> via Duty of
// Care" at the campaign's address, Reply-To the constituent.
import { Body, Container, Head, Html, Preview, Text } from '@react-email/components'
import { fill, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import type { LetterParts } from '~/letters/letter-text'
import { organisationLine } from '~/mail/templates/layout'
import { LetterBlock, letterText } from './letter-parts'

export interface LetterToMpProps {
  letter: LetterParts
  /** The letter's language (decision 110): the supporter's words are theirs; our frame follows them. */
  language?: Language
}

export function LetterToMpEmail({ letter, language = 'en' }: LetterToMpProps) {
  return (
    <Html lang={language === 'cy' ? 'cy' : 'en'}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{fill(messagesFor(language).write.letter.preview, { name: letter.sender[0] })}</Preview>
      <Body style={{ backgroundColor: '#ffffff', fontFamily: 'system-ui, Arial, sans-serif', color: '#1b1b1f', margin: 0 }}>
        {/* As wide as every other email (decision 096), so an office reading on a phone need not zoom. */}
        <Container style={{ width: '100%', maxWidth: '600px', padding: '16px', boxSizing: 'border-box', overflowWrap: 'anywhere', wordBreak: 'break-word' }}>
          <LetterBlock letter={letter} />
          <Text style={{ fontSize: '12px', color: '#4a4a55' }}>{organisationLine(language)}</Text>
        </Container>
      </Body>
    </Html>
  )
}

export function letterToMpText({ letter }: LetterToMpProps) {
  return letterText(letter)
}
