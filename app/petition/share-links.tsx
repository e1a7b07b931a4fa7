import { useState } from 'react'

const MESSAGE = 'I have signed the petition for an Online Harms Bill with a legal Duty of Care on tech firms, to keep children safe online. Will you sign too?'

export function ShareLinks({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)
  const text = encodeURIComponent(MESSAGE)
  const link = encodeURIComponent(url)
  const targets = [
    { name: 'WhatsApp', href: `https://wa.me/?text=${text}%20${link}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${link}` },
    { name: 'X', href: `https://x.com/intent/post?text=${text}&url=${link}` },
    { name: 'Email', href: `mailto:?subject=${encodeURIComponent('Will you sign this petition?')}&body=${text}%0A%0A${link}` },
  ]
  return (
    <div>
      <ul className="flex flex-wrap gap-3">
        {targets.map((t) => (
          <li key={t.name}>
            <a href={t.href} className="btn-secondary" target={t.name === 'Email' ? undefined : '_blank'} rel="noopener noreferrer">
              Share on {t.name}
              {t.name === 'Email' ? null : <span className="sr-only"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <label htmlFor="share-url" className="field-label">
          Or copy the link
        </label>
        <div className="mt-1 flex max-w-xl gap-2">
          <input id="share-url" readOnly value={url} className="input mt-0" onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="btn-secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(url)
              setCopied(true)
            }}
          >
            Copy link
          </button>
        </div>
        <p role="status" className="mt-1 text-sm">{copied ? 'Link copied.' : ''}</p>
      </div>
    </div>
  )
}
