// The dashboard's System status panel: a plain-English line per part, problems first in colour and words.
import type { StatusLevel, StatusLine } from './status.server'

const BADGE: Record<StatusLevel, { text: string; className: string }> = {
  ok: { text: 'OK', className: 'bg-brand-light text-ink' },
  warning: { text: 'Warning', className: 'bg-focus text-ink' },
  problem: { text: 'Problem', className: 'bg-warn text-white' },
}

export function SystemStatus({ lines }: { lines: StatusLine[] }) {
  const troubled = lines.filter((l) => l.level !== 'ok').length
  return (
    <section aria-labelledby="system-status" className="mt-6 rounded-lg border-2 border-brand-light p-4">
      <h2 id="system-status" className="text-2xl font-bold">System status</h2>
      <p className="mt-1">{troubled ? `${troubled} thing${troubled === 1 ? ' needs' : 's need'} attention.` : 'Everything is working.'}</p>
      <ul className="mt-3 space-y-3">
        {lines.map((line) => (
          <li key={line.id} data-status={line.id} data-level={line.level}>
            <span className={`mr-2 inline-block rounded px-2 py-0.5 text-sm font-bold ${BADGE[line.level].className}`}>{BADGE[line.level].text}</span>
            <strong>{line.label}:</strong> {line.summary}
            {line.advice ? <p className="mt-1 text-sm">{line.advice}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
