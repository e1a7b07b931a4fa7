// Where someone the story affects can get help (issue 11, decision 111): beside Emily's story and on the
// thanks pages. Its words come from the page's loader (helpLines() in ./help-lines.server), in the page's language.
import type { HelpLines } from './help-lines.server'

export function HelpLinesPanel({ help, headingLevel = 2 }: { help: HelpLines; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <aside aria-labelledby="help-lines-title" className="mt-6 max-w-3xl rounded-lg border-2 border-brand-light p-5" data-testid="help-lines">
      <Heading id="help-lines-title" className="text-xl font-bold">{help.heading}</Heading>
      <p className="mt-2">{help.intro}</p>
      <ul className="mt-3 space-y-2">
        <li>
          <strong>{help.nspccName}</strong>, {help.nspccFor}: <a href={help.nspccTel}>{help.nspccPhone}</a>,{' '}
          <a href={`mailto:${help.nspccEmail}`}>{help.nspccEmail}</a>
        </li>
        <li>
          <strong>{help.childlineName}</strong>, {help.childlineFor}: <a href={help.childlineTel}>{help.childlinePhone}</a>,{' '}
          <a href={help.childlineUrl}>{help.childlineWeb}</a>
        </li>
      </ul>
    </aside>
  )
}
