// A confirmed letter on its way: two outbox emails (to the MP, and a copy to
// the supporter), or, while the MP's address is flagged as bouncing, a hold.
// A held letter stays `confirmed` with `heldAt` set; campaigners see it on
// /admin/suppressions, and it is sent once the flag is cleared (a new
// override, a lifted suppression, a sync with a new address): by the admin
// action at once, and by the letters tracker every minute in any case.
// Releasing claims the hold in the same transaction that queues the emails,
// so however many releases run at once, each held letter goes exactly once.
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { queueEmail } from '~/emails/outbox.server'
import { letterAddress } from '~/mps/lookup.server'
import { CAMPAIGN_SENDER_SUFFIX } from './compose.server'
import { isLanguage, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { fill } from '~/i18n/language'
import { letterForMp, type LetterParts } from './letter-text'

export type Dispatch = 'queued' | 'held' | 'undeliverable'

/** Queues (or holds) a letter that has just become confirmed, inside the caller's transaction. */
export async function dispatchLetter(tx: Prisma.TransactionClient, letterId: string): Promise<Dispatch> {
  const letter = await tx.letter.findUniqueOrThrow({ where: { id: letterId }, include: { mp: true, constituency: true } })
  const to = letterAddress(letter.mp)
  if (!to || !letter.mp.targetEnabled || letter.mp.status !== 'current' || !letter.body || !letter.subject || letter.anonymisedAt) {
    await tx.letter.update({ where: { id: letter.id }, data: { state: 'failed', heldAt: null } })
    return 'undeliverable'
  }
  if (letter.mp.emailBouncedAt) {
    await tx.letter.update({ where: { id: letter.id }, data: { heldAt: letter.heldAt ?? new Date() } })
    return 'held'
  }

  const parts = storedLetterForMp({ ...letter, body: letter.body, constituency: letter.constituency.name })
  const language = letterLanguage(letter.language)
  const words = messagesFor(language).write
  await queueEmail(tx, {
    kind: 'letter_to_mp',
    to,
    // From the campaign's own domain with the supporter's name on it; replies go to the supporter.
    fromName: `${letter.name.slice(0, 100)} ${language === 'en' ? CAMPAIGN_SENDER_SUFFIX : words.letter.via}`,
    replyTo: letter.email,
    subject: letter.subject,
    template: 'letter-to-mp',
    data: { language },
    secrets: { letter: parts },
    letterId: letter.id,
  })
  await queueEmail(tx, {
    kind: 'letter_copy',
    to: letter.email,
    subject: fill(words.email.copySubject, { mp: letter.mp.name, subject: letter.subject }).slice(0, 250),
    template: 'letter-copy',
    data: { mpName: letter.mp.name, language },
    secrets: { name: letter.name, subject: letter.subject, letter: parts },
    letterId: letter.id,
  })
  return 'queued'
}

const RELEASE_BATCH = 200

/**
 * Sends held letters whose MP's address is no longer flagged (all MPs, or one).
 * Returns how many were queued; a letter whose MP can no longer be written to
 * (switched off, no address, no longer an MP) fails instead.
 */
export async function releaseHeldLetters(filter: { mpId?: number } = {}): Promise<number> {
  let queued = 0
  for (;;) {
    const held = await prisma.letter.findMany({
      where: { state: 'confirmed', heldAt: { not: null }, mp: { emailBouncedAt: null }, ...(filter.mpId ? { mpId: filter.mpId } : {}) },
      select: { id: true },
      orderBy: { heldAt: 'asc' },
      take: RELEASE_BATCH,
    })
    if (!held.length) return queued
    for (const { id } of held) {
      const outcome = await prisma.$transaction(async (tx) => {
        const { count } = await tx.letter.updateMany({ where: { id, state: 'confirmed', heldAt: { not: null } }, data: { heldAt: null } })
        return count ? dispatchLetter(tx, id) : null
      })
      if (outcome === 'queued') queued++
    }
    if (held.length < RELEASE_BATCH) return queued
  }
}

/** Held letters per MP, for campaigners. */
export async function heldLetterCounts(mpIds: number[]): Promise<Map<number, number>> {
  if (!mpIds.length) return new Map()
  const rows = await prisma.letter.groupBy({
    by: ['mpId'],
    where: { mpId: { in: mpIds }, state: 'confirmed', heldAt: { not: null } },
    _count: { _all: true },
  })
  return new Map(rows.map((r) => [r.mpId, r._count._all]))
}

/** A stored letter as its MP gets it (the confirm page shows the same): sender block, body, footer. */
export function storedLetterForMp(letter: {
  name: string
  email: string
  addressLine1: string | null
  town: string | null
  postcode: string
  phone: string | null
  body: string
  constituency: string
  language?: string
}): LetterParts {
  return letterForMp({
    lines: messagesFor(letterLanguage(letter.language)).write.letter,
    sender: { name: letter.name, email: letter.email, addressLine1: letter.addressLine1 ?? '', town: letter.town ?? '', postcode: letter.postcode, phone: letter.phone },
    body: letter.body,
    constituency: letter.constituency,
    siteUrl: env().APP_URL,
  })
}

/** A letter's stored language (decision 110): the writer's emails and the lines we add to the letter follow it. */
export function letterLanguage(stored: string | null | undefined): Language {
  return isLanguage(stored) ? stored : 'en'
}
