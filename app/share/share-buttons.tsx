// Share buttons: WhatsApp, Facebook, X, email and a link to copy. Every link is
// tagged with its channel (utm_source=<channel>&utm_medium=share) so campaigners
// can later tell which channel brought whom; parameters already on the address
// (a referral code, say) are kept. Copying needs JavaScript; without it the
// link sits in a field to select.
import { useState } from 'react'
import { useCanCopy } from '~/lib/use-can-copy'

const DEFAULT_MESSAGE = 'I have signed the petition for an Online Harms Bill with a legal Duty of Care on tech firms, to keep children safe online. Will you sign too?'

export type ShareChannel = 'whatsapp' | 'facebook' | 'x' | 'email' | 'link'

/** The address with this channel's tag. */
export function taggedUrl(url: string, channel: ShareChannel): string {
  const tagged = new URL(url)
  tagged.searchParams.set('utm_source', channel)
  tagged.searchParams.set('utm_medium', 'share')
  return tagged.toString()
}

/** The buttons' words in the page's language (decision 110): app/i18n `share`. */
export interface ShareWords {
  message: string
  emailSubject: string
  shareOn: string
  copyLabel: string
  copy: string
  copied: string
  opensInNewTab: string
}

const ENGLISH: ShareWords = {
  message: DEFAULT_MESSAGE,
  emailSubject: 'Will you sign this petition?',
  shareOn: 'Share on {channel}',
  copyLabel: 'Or copy the link',
  copy: 'Copy link',
  copied: 'Link copied',
  opensInNewTab: '(opens in a new tab)',
}

export function shareTargets(url: string, message = DEFAULT_MESSAGE, emailSubject = ENGLISH.emailSubject) {
  const text = encodeURIComponent(message)
  const link = (channel: ShareChannel) => encodeURIComponent(taggedUrl(url, channel))
  return [
    { name: 'WhatsApp', href: `https://wa.me/?text=${text}%20${link('whatsapp')}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${link('facebook')}` },
    { name: 'X', href: `https://x.com/intent/post?text=${text}&url=${link('x')}` },
    { name: 'Email', href: `mailto:?subject=${encodeURIComponent(emailSubject)}&body=${text}%0A%0A${link('email')}` },
  ]
}

export function ShareButtons({ url, message, words = ENGLISH }: { url: string; message?: string; words?: ShareWords }) {
  const [copied, setCopied] = useState(false)
  // The copy button appears once JavaScript runs and the browser offers the clipboard.
  const canCopy = useCanCopy()
  const copyUrl = taggedUrl(url, 'link')
  return (
    <div>
      <ul className="flex flex-wrap gap-3">
        {shareTargets(url, message ?? words.message, words.emailSubject).map((t) => (
          <li key={t.name}>
            <a href={t.href} className="btn-secondary" target={t.name === 'Email' ? undefined : '_blank'} rel="noopener noreferrer">
              {words.shareOn.replace('{channel}', t.name)}
              {t.name === 'Email' ? null : <span className="sr-only"> {words.opensInNewTab}</span>}
            </a>
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <label htmlFor="share-url" className="field-label">
          {words.copyLabel}
        </label>
        <div className="mt-1 flex max-w-xl gap-2">
          <input id="share-url" readOnly value={copyUrl} className="input mt-0" onFocus={(e) => e.currentTarget.select()} />
          {canCopy ? (
            <button
              type="button"
              className="btn-secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(copyUrl)
                setCopied(true)
              }}
            >
              {words.copy}
            </button>
          ) : null}
        </div>
        <p role="status" className="mt-1 text-sm">{copied ? `${words.copied}.` : ''}</p>
      </div>
    </div>
  )
}
