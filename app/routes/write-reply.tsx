// The "Did your MP reply?" email's links. Opening one changes nothing (mail
// scanners open every link): the page offers the answer picked in the email as
// its button, and the other answers beside it; pressing one records it.
import { Form, Link, data, useNavigation } from 'react-router'
import { isReplyStatus, recordReply, replySurvey } from '~/letters/progress.server'
import type { ReplyStatus } from '~/generated/prisma/client'
import { fill, localePath } from '~/i18n/language'
import { readFormData } from '~/lib/form-data.server'
import { writeLocale } from '~/letters/locale.server'
import type { WriteWords } from '~/letters/words'
import type { Route } from './+types/write-reply'

export const meta: Route.MetaFunction = ({ loaderData: data }) => [{ title: data?.t.title ?? 'Did your MP reply? — Duty of Care campaign' }, { name: 'robots', content: 'noindex' }]

export function headers() {
  return { 'Cache-Control': 'private, no-store' }
}

function answerWords(t: WriteWords['reply']): Record<ReplyStatus, { button: string; noted: string }> {
  return {
    replied: { button: t.repliedButton, noted: t.repliedNoted },
    acknowledged: { button: t.acknowledgedButton, noted: t.acknowledgedNoted },
    no_reply: { button: t.noReplyButton, noted: t.noReplyNoted },
  }
}
const ORDER: ReplyStatus[] = ['replied', 'acknowledged', 'no_reply']

export async function loader({ params, request }: Route.LoaderArgs) {
  const survey = await replySurvey(params.token)
  const picked = new URL(request.url).searchParams.get('answer')
  const { language, t } = writeLocale(request)
  return data({ survey, picked: isReplyStatus(picked) ? picked : null, language, t: t.reply }, { status: survey.status === 'invalid' ? 404 : 200 })
}

export async function action({ params, request }: Route.ActionArgs) {
  const formData = await readFormData(request)
  const outcome = await recordReply(params.token, formData.get('answer'))
  return data(outcome, { status: outcome.status === 'invalid' ? 400 : 200 })
}

function AnswerButtons({ except, secondary, answers }: { except?: ReplyStatus | null; secondary?: boolean; answers: ReturnType<typeof answerWords> }) {
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
  const { survey, picked, language, t } = loaderData
  const answers = answerWords(t)
  if (survey.status === 'invalid' || actionData?.status === 'invalid') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t.invalidHeading}</h1>
        <p className="mt-4">
          {t.invalidText} <Link to={localePath(language, '/')}>{t.backLink}</Link>.
        </p>
      </div>
    )
  }
  if (actionData?.status === 'recorded') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <div role="status">
          <h1 className="text-3xl font-bold">{t.thanksHeading}</h1>
          <p className="mt-4 text-lg">{fill(t.noted, { answer: answers[actionData.answer].noted, mp: actionData.mpName })}</p>
        </div>
        <Form method="post" className="mt-6">
          <p className="font-semibold">{t.wrongOne}</p>
          <AnswerButtons except={actionData.answer} secondary answers={answers} />
        </Form>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{fill(t.heading, { mp: survey.mpName })}</h1>
      {survey.answer ? <p className="mt-4">{fill(t.before, { answer: answers[survey.answer].noted })}</p> : null}
      <Form method="post" className="mt-6">
        {picked ? (
          <>
            <p className="text-lg">{t.pressPicked}</p>
            <div className="mt-2">
              <button type="submit" name="answer" value={picked} className="btn" disabled={busy}>
                {answers[picked].button}
              </button>
            </div>
            <p className="mt-6 font-semibold">{t.orAnother}</p>
            <AnswerButtons except={picked} secondary answers={answers} />
          </>
        ) : (
          <>
            <p className="text-lg">{t.pressAny}</p>
            <AnswerButtons answers={answers} />
          </>
        )}
      </Form>
    </div>
  )
}
