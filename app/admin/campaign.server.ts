// Campaign management by admins: the letter template, the milestones and the
// MP targets. Each change is written together with its audit entry.
import { z } from 'zod'
import type { FormLimits } from '~/lib/form-data.server'
import { prisma } from '~/lib/db.server'
import { mergeTemplate } from '~/letters/letter-text'
import { storedLetterTemplates, type LetterTemplateContent } from '~/letters/template.server'
import type { Language } from '~/i18n/language'
import { releaseHeldLetters } from '~/letters/dispatch.server'
import { replyFigures } from '~/letters/progress.server'
import { lastBriefed } from '~/briefings/briefings.server'
import { findMps, setEmailOverride, switchTargetOff, switchTargetOn, TargetError } from '~/mps/targets.server'
import { forgetHelpLines, HELP_LINES_SETTING, type HelpLinesSetting } from '~/campaign/help-lines.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'

const lines = (max: number, maxLength: number, label: string) =>
  z
    .string({ required_error: `Enter at least one ${label}` })
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(maxLength, `Keep each ${label} to ${maxLength} characters or fewer`))
        .min(1, `Enter at least one ${label}`)
        .max(max, `Use ${max} or fewer`),
    )

/** One language's template fields, the same rules in both; `lang` names the language in every message ('' or 'Welsh '). */
function templateFields(lang: string) {
  return {
    subjects: lines(12, 150, `${lang}subject line`),
    body: z
      .string({ required_error: `Enter the ${lang}letter` })
      .transform((v) => v.replace(/\r\n?/g, '\n').trim())
      .pipe(z.string().min(50, `The ${lang}letter looks too short`).max(10_000, `Keep the ${lang}letter to 10,000 characters or fewer`))
      .refine((v) => v.includes('{{mp_name}}'), `Keep {{mp_name}} in the ${lang}letter, so it greets the MP by name`),
    prompts: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(300, `Keep each ${lang}prompt to 300 characters or fewer`)).max(8, `Use 8 ${lang}prompts or fewer`)),
  }
}

export const letterTemplateSchema = z.object(templateFields(''))

const welsh = templateFields('Welsh ')
/** The admin page's form: both languages (decision 112), each validated by the same rules. */
export const bilingualLetterTemplateSchema = letterTemplateSchema.extend({ subjectsCy: welsh.subjects, bodyCy: welsh.body, promptsCy: welsh.prompts })

/** The template's long fields (their own rules say how long; this bounds the work). */
export const LETTER_TEMPLATE_FORM_LIMITS: FormLimits = {
  maxChars: { body: 40_000, subjects: 8_000, prompts: 8_000, bodyCy: 40_000, subjectsCy: 8_000, promptsCy: 8_000 },
}

export type LetterTemplateInput = z.output<typeof letterTemplateSchema> & Partial<Pick<z.output<typeof bilingualLetterTemplateSchema>, 'subjectsCy' | 'bodyCy' | 'promptsCy'>>

/** The English template as stored (or its default). */
export async function currentLetterTemplate(): Promise<LetterTemplateContent> {
  return (await storedLetterTemplates()).en
}

/** Both languages as stored (each, or its default), for the admin page. */
export function currentLetterTemplates(): Promise<Record<Language, LetterTemplateContent>> {
  return storedLetterTemplates()
}

/** How the letter reads for one MP, with the supporter's details still to come (placeholders in the template's language). */
export function previewLetter(template: Pick<LetterTemplateContent, 'subjects' | 'body' | 'prompts'>, language: Language = 'en') {
  const values = { mpName: 'Jane Example MP', constituency: 'Reading Central', language }
  return {
    subjects: template.subjects.map((s) => mergeTemplate(s, values)),
    body: mergeTemplate(template.body, values),
    prompts: template.prompts,
  }
}

/** Saves the template (and the Welsh one, when the form carried it) with its audit entry. */
export async function saveLetterTemplate(campaigner: Campaigner, input: LetterTemplateInput) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.letterTemplate.findUnique({ where: { id: 1 } })
    const english = { subjects: input.subjects, body: input.body, prompts: input.prompts }
    const cy = input.bodyCy === undefined ? null : { subjectsCy: input.subjectsCy ?? [], bodyCy: input.bodyCy, promptsCy: input.promptsCy ?? [] }
    const data = { ...english, ...cy }
    await tx.letterTemplate.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data })
    const was = before ? { subjects: before.subjects, body: before.body, prompts: before.prompts } : null
    const wasCy = before?.bodyCy ? { subjects: before.subjectsCy, body: before.bodyCy, prompts: before.promptsCy } : null
    const change = cy
      ? { before: was, after: english, beforeCy: wasCy, afterCy: { subjects: cy.subjectsCy, body: cy.bodyCy, prompts: cy.promptsCy } }
      : { before: was, after: english }
    await audit(campaigner.id, 'letter-template.update', change, tx)
  })
}

export const milestonesSchema = z.object({
  thresholds: z
    .string({ required_error: 'Enter at least one milestone' })
    .transform((v) => v.split(/[\s,]+/).map((t) => t.replace(/[_']/g, '')).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^\d{1,9}$/, 'Enter whole numbers only, one per line, like 100000'))
        .min(1, 'Enter at least one milestone')
        .max(30, 'Use 30 milestones or fewer'),
    )
    .transform((v) => [...new Set(v.map(Number))].filter((n) => n > 0).sort((a, b) => a - b)),
})

export async function milestones() {
  return prisma.milestone.findMany({ orderBy: { threshold: 'asc' } })
}

/** Replaces the milestones; one kept keeps its reached date, a new one already passed is marked reached now. */
export async function saveMilestones(campaigner: Campaigner, thresholds: number[]) {
  await prisma.$transaction(async (tx) => {
    const before = (await tx.milestone.findMany({ orderBy: { threshold: 'asc' } })).map((m) => m.threshold)
    const count = (await tx.petitionCount.findUnique({ where: { id: 1 } }))?.signatureCount ?? 0
    await tx.milestone.deleteMany({ where: { threshold: { notIn: thresholds } } })
    await tx.milestone.createMany({
      data: thresholds.map((threshold) => ({ threshold, reachedAt: threshold <= count ? new Date() : null })),
      skipDuplicates: true,
    })
    await audit(campaigner.id, 'milestones.update', { before, after: thresholds }, tx)
  })
}

/** MP targets on one page of the campaigners' list: plain links page through them (decision 097). */
export const MP_TARGETS_PER_PAGE = 50

/** One page of the MP targets matching a search; `page` is 1-based and clamped to the pages there are. */
export async function mpTargets(query: string, requestedPage = 1) {
  const mps = await findMps(query)
  const pages = Math.max(1, Math.ceil(mps.length / MP_TARGETS_PER_PAGE))
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pages)
  const first = (page - 1) * MP_TARGETS_PER_PAGE
  const shown = mps.slice(first, first + MP_TARGETS_PER_PAGE)
  const [briefed, replies] = await Promise.all([lastBriefed(shown.map((mp) => mp.id)), replyFigures()])
  const repliesTo = new Map(replies.map((r) => [r.mpId, r]))
  const rows = shown.map((mp) => ({
    id: mp.id,
    name: mp.name,
    party: mp.party,
    constituency: mp.constituencyName ?? '—',
    email: mp.email,
    emailOverride: mp.emailOverride,
    /** Where campaign letters go now. */
    sendsTo: mp.targetEnabled ? (mp.emailOverride ?? mp.email) : null,
    targetEnabled: mp.targetEnabled,
    targetDisabledReason: mp.targetDisabledReason,
    emailBouncedAt: mp.emailBouncedAt?.toISOString() ?? null,
    /** The last MP briefing sent to them (decision 115). */
    lastBriefedAt: briefed.get(mp.id)?.toISOString() ?? null,
    /** What their constituents said came back from letters (the reply survey). */
    replies: repliesTo.has(mp.id)
      ? { sent: repliesTo.get(mp.id)!.sent, replied: repliesTo.get(mp.id)!.replied, acknowledged: repliesTo.get(mp.id)!.acknowledged, noReply: repliesTo.get(mp.id)!.noReply }
      : null,
  }))
  return { rows, total: mps.length, page, pages, first: mps.length ? first + 1 : 0, last: first + rows.length }
}

export type MpTargetChange =
  | { kind: 'override'; email: string | null }
  | { kind: 'switch-off'; reason: string }
  | { kind: 'switch-on' }

/**
 * One change to an MP target, audited; a TargetError's message is safe to show. A new address
 * (which clears a bounce) or switching the target on sends the letters held for the MP.
 */
export async function changeMpTarget(campaigner: Campaigner, mpId: number, change: MpTargetChange) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.mp.findUnique({ where: { id: mpId }, select: { emailOverride: true, targetEnabled: true, targetDisabledReason: true } })
    if (change.kind === 'override') await setEmailOverride(mpId, change.email, tx)
    else if (change.kind === 'switch-off') await switchTargetOff(mpId, change.reason, tx)
    else await switchTargetOn(mpId, tx)
    await audit(campaigner.id, `mp-target.${change.kind}`, { mpId, before, change }, tx)
  })
  if (change.kind !== 'switch-off') await releaseHeldLetters({ mpId })
}

export { TargetError }

/** The help lines' wording and contacts (decision 111), audited; this process shows them at once. */
export async function saveHelpLines(campaigner: Campaigner, input: HelpLinesSetting) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: HELP_LINES_SETTING } })
    const value = input as unknown as object
    await tx.setting.upsert({ where: { key: HELP_LINES_SETTING }, create: { key: HELP_LINES_SETTING, value }, update: { value } })
    await audit(campaigner.id, 'help-lines.update', { before: before?.value ?? null, after: input }, tx)
  })
  forgetHelpLines()
}
