// A submitted sign form, wherever it was posted from (the campaign page or the
// embeddable widget): validated, checked against the abuse limits, signed.
import { parseWithZod, unstable_coerceFormValue as coerceFormValue } from '@conform-to/zod'
import type { SubmissionResult } from '@conform-to/react'
import { attributionFromForm, type Attribution } from '~/attribution/codes'
import type { Language } from '~/i18n/language'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import { enforceSignatureLimits } from '~/lib/signature-limits.server'
import { signSchema } from './sign-form.server'
import { signPetition } from './sign.server'

export type SignSubmission =
  /** `attribution`: the codes the form carried, to carry again when it is shown with its errors. */
  | { status: 'invalid'; result: SubmissionResult<string[]>; attribution: Attribution }
  /** "Check your email" is the answer either way, so a honeypot catch looks like success. */
  | { status: 'signed'; undeliverable: boolean }

/**
 * The form schema with Conform's coercion (empty fields → undefined, and so on) built once. Left to
 * parseWithZod, Conform rebuilds this wrapped copy of the whole schema on every call, which was a
 * large share of signing's CPU (decision 085); the schema, the coercion and so every value and
 * field error are the same (sign-form.test.ts compares the two).
 */
export const coercedSignSchema = coerceFormValue(signSchema)

/** Throws a 429 response (decision 040) when the signer is over an abuse limit. */
/** `language`: the page's, which the signer's emails are written in (decision 110). */
export async function submitSignature(formData: FormData, meta: { ipAddress: string; language?: Language }): Promise<SignSubmission> {
  const submission = parseWithZod(formData, { schema: coercedSignSchema, disableAutoCoercion: true })
  if (submission.status !== 'success') return { status: 'invalid', result: submission.reply(), attribution: attributionFromForm(formData) }
  if (submission.value[HONEYPOT_FIELD]) return { status: 'signed', undeliverable: false }
  await enforceSignatureLimits({ ip: meta.ipAddress, email: submission.value.email })
  const { undeliverable } = await signPetition(submission.value, { ipAddress: meta.ipAddress, language: meta.language })
  return { status: 'signed', undeliverable }
}
