import { Form, Link } from 'react-router'
import { readFormData } from '~/lib/form-data.server'
import { recordReply } from '~/letters/progress.server'
import type { Route } from './+types/write-reply'

export const meta = () => [{ title: 'Did your MP reply? — Duty of Care campaign' }]

const answers = {
  replied: 'they replied',
  acknowledged: 'you had only an acknowledgement',
  no_reply: 'you have had no reply yet',
} as const

/** One click from the survey email records the answer (and can change it). */
export async function loader({ params, request }: Route.LoaderArgs) {
  return recordReply(params.token, new URL(request.url).searchParams.get('answer'))
}

export async function action({ params, request }: Route.ActionArgs) {
  const formData = await readFormData(request)
  return recordReply(params.token, formData.get('answer'))
}

export default function WriteReply({ loaderData, actionData }: Route.ComponentProps) {
  const outcome = actionData ?? loaderData
  if (outcome.status !== 'recorded') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">This link is not valid</h1>
        <p className="mt-4">
          Please use the links in the email we sent you. <Link to="/">Back to the campaign</Link>.
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">Thank you for telling us</h1>
      <p className="mt-4 text-lg">
        We have noted that {answers[outcome.answer]} from {outcome.mpName}. It helps us see which MPs answer their constituents.
      </p>
      <Form method="post" className="mt-6">
        <p className="font-semibold">Clicked the wrong one? Change your answer:</p>
        <div className="mt-2 flex flex-wrap gap-3">
          <button type="submit" name="answer" value="replied" className="btn-secondary">
            They replied
          </button>
          <button type="submit" name="answer" value="acknowledged" className="btn-secondary">
            Only an acknowledgement
          </button>
          <button type="submit" name="answer" value="no_reply" className="btn-secondary">
            No reply yet
          </button>
        </div>
      </Form>
    </div>
  )
}
