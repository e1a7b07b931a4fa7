import { data, redirect } from 'react-router'
import { attributionFromForm } from '~/attribution/codes'
import type { FormResult } from '~/components/text-field'
import { localePath, type Language } from '~/i18n/language'
import { composeContext } from './compose.server'

/** Back to the compose step with the supporter's words kept (after an error, or "Change my letter"). */
export async function composeAgain(formData: FormData, result: FormResult, status: number, formError?: string, language: Language = 'en') {
  const context = await composeContext(Number(formData.get('mpId')) || 0, language)
  if (!context) throw redirect(localePath(language, '/write'), 303)
  return data({ step: 'compose' as const, context: { ...context, attribution: attributionFromForm(formData) }, result, formError }, { status })
}
