import { Link, useSearchParams } from 'react-router'

export const meta = () => [{ title: 'Your letter is on its way — Duty of Care campaign' }]

export default function WriteSent() {
  const [params] = useSearchParams()
  const again = params.get('again') === '1'
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">{again ? 'Your letter has already been sent' : 'Thank you — your letter is on its way'}</h1>
        <p className="mt-2 text-lg">
          {again
            ? 'We send each letter once, and yours has gone. Opening the link again changes nothing.'
            : 'We are sending it to your MP now, and a copy to you. Their reply will come straight to your email.'}
        </p>
      </div>
      <h2 className="mt-10 text-2xl font-bold">What happens next</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>MPs’ offices can take a few weeks to reply. In two weeks we will ask you, once, whether yours did.</li>
        <li>
          Ask friends and family to <Link to="/write">write to their MP</Link> too — and to <Link to="/#sign">sign the petition</Link>.
        </li>
      </ul>
    </div>
  )
}
