// A letter to an MP as it appears in emails: the sender's details, the letter,
// and (when we send it) the closing line. Text and HTML say the same thing.
import { Section, Text } from '@react-email/components'
import { partsToText, type LetterParts } from '~/letters/letter-text'

const paragraph = { whiteSpace: 'pre-line' as const, margin: '0 0 14px' }

export function LetterBlock({ letter, boxed = false }: { letter: LetterParts; boxed?: boolean }) {
  return (
    <Section style={boxed ? { border: '1px solid #c8c8d0', borderRadius: '6px', padding: '12px 16px' } : undefined}>
      <Text style={paragraph}>{letter.sender.join('\n')}</Text>
      {letter.body.split(/\n{2,}/).map((p, i) => (
        <Text key={i} style={paragraph}>
          {p}
        </Text>
      ))}
      {letter.footer ? <Text style={{ ...paragraph, fontSize: '13px', color: '#4a4a55' }}>— {letter.footer}</Text> : null}
    </Section>
  )
}

export function letterText(letter: LetterParts) {
  return partsToText(letter)
}
