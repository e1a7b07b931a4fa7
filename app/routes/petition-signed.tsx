import { Link, useSearchParams } from 'react-router'

export const meta = () => [{ title: 'Check your email — Duty of Care petition' }]

export default function PetitionSigned() {
  const [params] = useSearchParams()
  if (params.get('undeliverable') === '1') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">We cannot email that address</h1>
        <p className="mt-4 text-lg">
          Emails we sent to that address before were returned as undeliverable or reported as spam, so we have stopped sending to it —
          and your signature only counts once you confirm it from the email we send you.
        </p>
        <p className="mt-4">
          Please <Link to="/#sign">sign again with another email address</Link>.
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="rounded-lg bg-accent p-6 text-white">
        <h1 className="text-3xl font-bold">Check your email</h1>
        <p className="mt-2 text-lg">We have sent you an email with a link. Open it and press the button on the page to confirm your signature — it only counts once you do.</p>
      </div>
      <h2 className="mt-8 text-xl font-bold">No email?</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>It can take a few minutes to arrive.</li>
        <li>Look in your spam or junk folder, and mark it as “not spam”.</li>
        <li>
          If you mistyped your address, <Link to="/#sign">sign again</Link> with the right one.
        </li>
      </ul>
      <p className="mt-8">
        While you wait: <Link to="/write">email your MP</Link> and ask them to back the Bill.
      </p>
    </div>
  )
}
