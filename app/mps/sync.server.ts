// `npm run mps:sync` and the daily sync-mps job: pull every current MP and
// their Parliamentary office email from the Members API, write the directory
// in one transaction, and say what changed. Campaigners' overrides (email,
// target switched off) are never touched by a sync.
import { constituencyNameKey } from '~/constituencies/constituencies.server'
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { log } from '~/lib/log.server'
import { fetchContact, fetchCurrentMembers, mapWithConcurrency, MembersApiError, type MemberContact, type RequestOptions } from './members-api.server'

/** At most this many requests to Parliament at once. */
const CONCURRENCY = 4
/** A list shorter than this share of the MPs we hold is a broken answer, not a mass resignation. */
const MIN_SHARE_OF_KNOWN = 0.5
export const SPEAKER_REASON = 'The Speaker is politically impartial and does not take up campaigns.'
export const LAST_SYNC_SETTING = 'mps.lastSync'
/** The printed report names at most this many MPs per heading (the first sync adds all 650). */
const MAX_LISTED = 40
/** pg_advisory_xact_lock key that serialises syncs. */
const SYNC_LOCK = 7_031_001

interface MpRef {
  id: number
  name: string
  constituency: string
}

export interface SyncReport {
  startedAt: string
  finishedAt: string
  /** Current MPs the Members API listed. */
  members: number
  added: MpRef[]
  emailChanged: (MpRef & { from: string | null; to: string | null })[]
  partyChanged: (MpRef & { from: string; to: string })[]
  /** No longer a current MP (resigned, died, recalled…). */
  left: MpRef[]
  /** Seats left with no current MP. */
  vacancies: { constituency: string; formerMp: string }[]
  withoutEmail: MpRef[]
  /** Contact details we could not fetch this time: the previous email was kept. */
  contactFailed: MpRef[]
}

/** Links MPs to the ONS-coded seats postcodes.io has named (Parliament gives names, not ONS codes). */
export async function linkMpsToConstituencies(db: Prisma.TransactionClient = prisma): Promise<number> {
  return db.$executeRaw`
    UPDATE "Mp" m SET "constituencyCode" = c."onsCode"
    FROM "Constituency" c
    WHERE m."constituencyCode" IS NULL AND m.status = 'current' AND m."constituencyKey" = c."nameKey"
      AND NOT EXISTS (SELECT 1 FROM "Mp" o WHERE o."constituencyCode" = c."onsCode")`
}

export async function syncMps(options: RequestOptions = {}): Promise<SyncReport> {
  const startedAt = new Date()
  const members = await fetchCurrentMembers(options)

  const contacts = await mapWithConcurrency(members, CONCURRENCY, async (m): Promise<MemberContact | 'failed'> => {
    try {
      return (await fetchContact(m.id, options)) ?? { email: null, postalAddress: null, westminsterPhone: null, constituencyPhone: null }
    } catch {
      return 'failed'
    }
  })

  const report: SyncReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    members: members.length,
    added: [],
    emailChanged: [],
    partyChanged: [],
    left: [],
    vacancies: [],
    withoutEmail: [],
    contactFailed: [],
  }

  await prisma.$transaction(
    async (tx) => {
      // One sync at a time (the CLI and the job may overlap): the second waits, then sees the first's rows.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SYNC_LOCK}::bigint)`
      const known = await tx.mp.findMany()
      const currentKnown = known.filter((m) => m.status === 'current').length
      if (currentKnown >= 20 && members.length < currentKnown * MIN_SHARE_OF_KNOWN) {
        throw new MembersApiError(`the Members API listed only ${members.length} current MPs (we hold ${currentKnown}); nothing changed`)
      }
      const byId = new Map(known.map((m) => [m.id, m]))
      const fetchedIds = new Set(members.map((m) => m.id))
      const fetchedKeys = new Set(members.map((m) => constituencyNameKey(m.constituencyName)))
      const seats = new Map((await tx.constituency.findMany({ select: { onsCode: true, nameKey: true } })).map((c) => [c.nameKey, c.onsCode]))

      // MPs no longer listed leave their seat first, so a successor can take its code.
      for (const mp of known) {
        if (mp.status !== 'current' || fetchedIds.has(mp.id)) continue
        await tx.mp.update({ where: { id: mp.id }, data: { status: 'former', constituencyCode: null, syncedAt: startedAt } })
        const ref = { id: mp.id, name: mp.name, constituency: mp.constituencyName ?? '' }
        report.left.push(ref)
        if (!mp.constituencyKey || !fetchedKeys.has(mp.constituencyKey)) report.vacancies.push({ constituency: ref.constituency, formerMp: mp.name })
      }

      const claimed = new Set<string>()
      for (const [i, member] of members.entries()) {
        const contact = contacts[i]
        const key = constituencyNameKey(member.constituencyName)
        const ref = { id: member.id, name: member.name, constituency: member.constituencyName }
        const existing = byId.get(member.id)
        let code: string | null = existing?.constituencyKey === key ? (existing.constituencyCode ?? seats.get(key) ?? null) : (seats.get(key) ?? null)
        if (code && claimed.has(code)) code = null
        if (code) {
          claimed.add(code)
          // Whoever held this seat's code before (a predecessor) lets go of it.
          await tx.mp.updateMany({ where: { constituencyCode: code, id: { not: member.id } }, data: { constituencyCode: null } })
        }
        const details = {
          name: member.name,
          fullTitle: member.fullTitle,
          party: member.party,
          constituencyName: member.constituencyName,
          constituencyKey: key,
          constituencyCode: code,
          status: 'current' as const,
          syncedAt: startedAt,
        }
        const contactData =
          contact === 'failed'
            ? {}
            : { email: contact.email, postalAddress: contact.postalAddress, westminsterPhone: contact.westminsterPhone, constituencyPhone: contact.constituencyPhone }

        if (contact === 'failed') report.contactFailed.push(ref)
        else if (!contact.email) report.withoutEmail.push(ref)

        if (!existing) {
          const speaker = member.party.trim().toLowerCase() === 'speaker'
          await tx.mp.create({
            data: {
              id: member.id,
              ...details,
              ...contactData,
              ...(speaker ? { targetEnabled: false, targetDisabledReason: SPEAKER_REASON } : {}),
            },
          })
          report.added.push(ref)
          continue
        }
        const emailChanged = contact !== 'failed' && contact.email !== existing.email
        if (emailChanged) report.emailChanged.push({ ...ref, from: existing.email, to: contact.email })
        if (existing.party !== member.party) report.partyChanged.push({ ...ref, from: existing.party, to: member.party })
        if (existing.status !== 'current') report.added.push(ref)
        await tx.mp.update({
          where: { id: member.id },
          // A new address is worth trying again even if the old one bounced.
          data: { ...details, ...contactData, ...(emailChanged ? { emailBouncedAt: null } : {}) },
        })
      }

      report.finishedAt = new Date().toISOString()
      await tx.setting.upsert({
        where: { key: LAST_SYNC_SETTING },
        create: { key: LAST_SYNC_SETTING, value: report as unknown as Prisma.InputJsonValue },
        update: { value: report as unknown as Prisma.InputJsonValue },
      })
    },
    { timeout: 120_000, maxWait: 10_000 },
  )
  await linkMpsToConstituencies()
  return report
}

/** The report as a campaigner reads it (CLI output, logs). */
export function formatSyncReport(report: SyncReport): string {
  const lines = [`MP directory synced: ${report.members} current MPs.`]
  const list = (title: string, items: string[]) => {
    if (!items.length) return
    lines.push(`${title} (${items.length}):`, ...items.slice(0, MAX_LISTED).map((i) => `  - ${i}`))
    if (items.length > MAX_LISTED) lines.push(`  … and ${items.length - MAX_LISTED} more`)
  }
  list('New MPs', report.added.map((m) => `${m.name} (${m.constituency})`))
  list('Email changed', report.emailChanged.map((m) => `${m.name}: ${m.from ?? 'none'} → ${m.to ?? 'none'}`))
  list('Party changed', report.partyChanged.map((m) => `${m.name}: ${m.from} → ${m.to}`))
  list('No longer an MP', report.left.map((m) => `${m.name} (${m.constituency})`))
  list('Vacant seats', report.vacancies.map((v) => `${v.constituency} (was ${v.formerMp})`))
  list('Without an email address', report.withoutEmail.map((m) => `${m.name} (${m.constituency})`))
  list('Contact details not fetched (previous email kept)', report.contactFailed.map((m) => `${m.name} (${m.constituency})`))
  const changes = report.added.length + report.emailChanged.length + report.partyChanged.length + report.left.length
  if (!changes) lines.splice(1, 0, 'No changes since the last sync.')
  return lines.join('\n')
}

/**
 * A sync recorded as a run (when, whether it worked, why not, what changed) and logged, so a
 * failure is never silent: the dashboard's System status and MP targets show the last run.
 */
export async function recordedSyncMps(options: RequestOptions = {}): Promise<SyncReport> {
  const run = await prisma.mpSyncRun.create({ data: {} })
  try {
    const report = await syncMps(options)
    const changes = report.added.length + report.emailChanged.length + report.partyChanged.length + report.left.length
    await prisma.mpSyncRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), ok: true, members: report.members, changes } })
    log.info({ members: report.members, changes, withoutEmail: report.withoutEmail.length, contactFailed: report.contactFailed.length }, 'MP directory synced')
    return report
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).slice(0, 500)
    await prisma.mpSyncRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), ok: false, error: reason } }).catch(() => undefined)
    log.error({ err: error }, `MP directory sync failed: ${reason}`)
    throw error
  }
}

/** The last sync run (finished or not), for the dashboard and MP targets. */
export function lastSyncRun() {
  return prisma.mpSyncRun.findFirst({ orderBy: { startedAt: 'desc' } })
}

/** The daily job: a recorded sync (pg-boss retries a failed one). */
export async function syncMpsJob() {
  return recordedSyncMps()
}

/** At start: a directory never synced gets its first sync straight away. */
export async function directoryIsEmpty() {
  return (await prisma.mp.count()) === 0
}
