// A catalogue message with a little markup (decision 110): **bold** and [words](link-name), where the link's
// address comes from `links` by name — never from the message — and {placeholders} are filled inside each piece
// after the markup is read, so a value (an organisation's name, say) can never become markup.
import { Fragment } from 'react'
import { fill } from '~/i18n/language'

const TOKEN = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((\w+)\)/g

export function RichText({ message, values = {}, links = {} }: { message: string; values?: Record<string, string | number>; links?: Record<string, string> }) {
  const parts: React.ReactNode[] = []
  let last = 0
  for (const match of message.matchAll(TOKEN)) {
    if (match.index > last) parts.push(fill(message.slice(last, match.index), values))
    const [, bold, label, link] = match
    if (bold !== undefined) parts.push(<strong>{fill(bold, values)}</strong>)
    else parts.push(links[link] ? <a href={links[link]}>{fill(label, values)}</a> : fill(label, values))
    last = match.index + match[0].length
  }
  if (last < message.length) parts.push(fill(message.slice(last), values))
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  )
}
