// The "Did your MP reply?" email's links. Opening one changes nothing (mail
// scanners open every link): the page offers the answer picked in the email as
// its button, and the other answers beside it; pressing one records it.
import { Form, Link, data, useNavigation } from 'react-router'
import { isReplyStatus, recordReply, replySurvey } from '~/letters/progress.server'
import type { ReplyStatus } from '~/generated/prisma/client'
import { readFormData } from '~/lib/form-data.server'
import type { Route } from './+types/write-reply'

export const meta = () => [{ title: 'Did your MP reply? — Duty of Care campaign' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

const answers: Record<ReplyStatus, { button: string; noted: string }> = {
  replied: { button: 'Yes, they replied', noted: 'they replied' },
  acknowledged: { button: 'Only an acknowledgement', noted: 'you had only an acknowledgement' },
  no_reply: { button: 'No reply yet', noted: 'you have had no reply yet' },
}
const ORDER: ReplyStatus[] = ['replied', 'acknowledged', 'no_reply']

export async function loader({ params, request }: Route.LoaderArgs) {
  const survey = await replySurvey(params.token)
  const picked = new URL(request.url).searchParams.get('answer')
  return data({ survey, picked: isReplyStatus(picked) ? picked : null }, { status: survey.status === 'invalid' ? 404 : 200 })
}

export async function action({ params, request }: Route.ActionArgs) {
  const formData = await readFormData(request)
  const outcome = await recordReply(params.token, formData.get('answer'))
  return data(outcome, { status: outcome.status === 'invalid' ? 400 : 200 })
}

function AnswerButtons({ except, secondary }: { except?: ReplyStatus | null; secondary?: boolean }) {
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="mt-2 flex flex-wrap gap-3">
      {ORDER.filter((a) => a !== except).map((answer) => (
        <button key={answer} type="submit" name="answer" value={answer} className={secondary ? 'btn-secondary' : 'btn'} disabled={busy}>
          {answers[answer].button}
        </button>
      ))}
    </div>
  )
}

export default function WriteReply({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const { survey, picked } = loaderData
  if (survey.status === 'invalid' || actionData?.status === 'invalid') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">This link is not valid</h1>
        <p className="mt-4">
          Please use the links in the email we sent you. <Link to="/">Back to the campaign</Link>.
        </p>
      </div>
    )
  }
  if (actionData?.status === 'recorded') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div role="status">
          <h1 className="text-3xl font-bold">Thank you for telling us</h1>
          <p className="mt-4 text-lg">
            We have noted that {answers[actionData.answer].noted} from {actionData.mpName}. It helps us see which MPs answer their constituents.
          </p>
        </div>
        <Form method="post" className="mt-6">
          <p className="font-semibold">Pressed the wrong one? Change your answer:</p>
          <AnswerButtons except={actionData.answer} secondary />
        </Form>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">Did {survey.mpName} reply to your letter?</h1>
      {survey.answer ? <p className="mt-4">You told us before that {answers[survey.answer].noted}. You can change your answer here.</p> : null}
      <Form method="post" className="mt-6">
        {picked ? (
          <>
            <p className="text-lg">Press the button to record your answer.</p>
            <div className="mt-2">
              <button type="submit" name="answer" value={picked} className="btn" disabled={busy}>
                {answers[picked].button}
              </button>
            </div>
            <p className="mt-6 font-semibold">Or choose another answer:</p>
            <AnswerButtons except={picked} secondary />
          </>
        ) : (
          <>
            <p className="text-lg">Press the answer that fits. Knowing who answers helps us decide where to push next.</p>
            <AnswerButtons />
          </>
        )}
      </Form>
    </div>
  )
}
