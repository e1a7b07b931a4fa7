// Closing the campaign: the Setting the retention job reads. Once it is set,
// every supporter's personal data is anonymised `afterCloseMonths` later
// (app/retention/retention.server.ts). Each change is audited.
import { z } from 'zod'
import { retention } from '~/campaign/retention'
import { prisma } from '~/lib/db.server'
import { anonymiseDueAt, CAMPAIGN_CLOSED_AT, campaignClosedAt } from '~/retention/retention.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'

const DAY_MS = 24 * 3600 * 1000
/** A close date further ahead than this is almost certainly a typo. */
const MAX_YEARS_AHEAD = 5

export async function campaignCloseStatus(now = new Date()) {
  const closedAt = await campaignClosedAt()
  const anonymiseAt = closedAt ? anonymiseDueAt(closedAt) : null
  return {
    open: !closedAt || closedAt > now,
    closedAt: closedAt?.toISOString() ?? null,
    anonymiseAt: anonymiseAt?.toISOString() ?? null,
    anonymised: anonymiseAt ? anonymiseAt <= now : false,
    afterCloseMonths: retention.afterCloseMonths,
  }
}

/** The date field (YYYY-MM-DD, as a date input sends it) → midnight UTC that day. */
export function closeCampaignSchema(now = new Date()) {
  return z.object({
    intent: z.literal('close'),
    closedAt: z
      .string({ required_error: 'Enter the date the campaign closes' })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as year-month-day, like 2027-03-31')
      .transform((v, ctx) => {
        const date = new Date(`${v}T00:00:00.000Z`)
        if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
          ctx.addIssue({ code: 'custom', message: 'Enter a real date, like 2027-03-31' })
          return z.NEVER
        }
        if (anonymiseDueAt(date) <= now) {
          ctx.addIssue({
            code: 'custom',
            message: `Enter a later date: with this one, supporters’ data would be anonymised at once (${retention.afterCloseMonths} months have already passed)`,
          })
          return z.NEVER
        }
        if (date.getTime() > now.getTime() + MAX_YEARS_AHEAD * 365 * DAY_MS) {
          ctx.addIssue({ code: 'custom', message: `Enter a date within the next ${MAX_YEARS_AHEAD} years` })
          return z.NEVER
        }
        return date
      }),
  })
}

export async function closeCampaign(campaigner: Campaigner, closedAt: Date) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: CAMPAIGN_CLOSED_AT } })
    const value = closedAt.toISOString()
    await tx.setting.upsert({ where: { key: CAMPAIGN_CLOSED_AT }, create: { key: CAMPAIGN_CLOSED_AT, value }, update: { value } })
    await audit(
      campaigner.id,
      'campaign.close',
      { before: before?.value ?? null, after: value, anonymiseAt: anonymiseDueAt(closedAt).toISOString() },
      tx,
    )
  })
}

/** Clears the close date. Data already anonymised stays anonymised. Returns whether a date was set. */
export async function reopenCampaign(campaigner: Campaigner): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: CAMPAIGN_CLOSED_AT } })
    if (!before) return false
    await tx.setting.delete({ where: { key: CAMPAIGN_CLOSED_AT } })
    await audit(campaigner.id, 'campaign.reopen', { before: before.value }, tx)
    return true
  })
}
