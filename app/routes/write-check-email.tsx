import { Link } from 'react-router'
import { retention } from '~/campaign/retention'

export const meta = () => [{ title: 'Check your email — Email your MP — Duty of Care campaign' }]

export default function WriteCheckEmail() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">Check your email</h1>
        <p className="mt-2 text-lg">
          We have emailed you a link. Open it to see your letter, and press the button there to send it: your letter goes to your MP
          only then — that shows your MP it really came from you.
        </p>
      </div>
      <h2 className="mt-8 text-xl font-bold">No email?</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>It can take a few minutes to arrive. Look in your spam or junk folder too.</li>
        <li>The link works for {retention.letterLinkDays} days. If you have not sent your letter after a day, we send one reminder.</li>
        <li>
          If you mistyped your email address, <Link to="/write">start again</Link> with the right one.
        </li>
      </ul>
      <p className="mt-8">
        While you wait: have you <Link to="/#sign">signed the petition</Link>?
      </p>
    </div>
  )
}
