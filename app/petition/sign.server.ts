// Signing: one statement writes the signature and queues its confirmation
// email, so neither can exist without the other. A repeat signature never
// counts twice and never reveals whether the address had signed.
import crypto from 'node:crypto'
import { attributionColumns } from '~/attribution/codes'
import { privacyVersion } from '~/campaign/content'
import { retention } from '~/campaign/retention'
import { Prisma } from '~/generated/prisma/client'
import { groupCommit } from '~/lib/group-commit.server'
import { primaryPool, prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { isLanguage, localePath, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { mailboxKey } from '~/lib/mailbox-key'
import { createToken } from '~/lib/tokens.server'
import { queueEmail, queueEmailsSql } from '~/emails/outbox.server'
import type { SignInput } from './sign-form.server'
import { col, sql } from '~/lib/sql.server'

export const TOKEN_LIFETIME_DAYS = retention.unconfirmedDays
/** Confirmation emails (first + re-sends, or "already signed" notes) one address can trigger. */
export const MAX_EMAILS_PER_SIGNATURE = 4
export const CONFIRMATION_SUBJECT = messagesFor('en').email.confirmationSubject

/** The link opens the confirm page in the language they signed in. */
function confirmUrl(token: string, language: Language) {
  return `${env().APP_URL}${localePath(language, `/petition/confirm/${token}`)}`
}

/** The email with a signer's confirmation link (in `secrets`: erased once Resend has it), in their language. */
function confirmationEmail(to: string, name: string, token: string, language: Language) {
  return {
    kind: 'signature_confirmation' as const,
    to,
    subject: messagesFor(language).email.confirmationSubject,
    template: 'signature-confirmation' as const,
    data: { name, privacyUrl: `${env().APP_URL}${localePath(language, '/privacy')}`, language },
    secrets: { confirmUrl: confirmUrl(token, language) },
  }
}

function tokenExpiry() {
  return new Date(Date.now() + TOKEN_LIFETIME_DAYS * 24 * 3600 * 1000)
}

export interface SignMeta {
  ipAddress?: string
  /** The language of the page they signed on (decision 110); English if not given. */
  language?: Language
}

export interface SignOutcome {
  /** Mail to this address bounced or was reported as spam before: no confirmation can reach it. */
  undeliverable: boolean
}

export async function signPetition(input: SignInput, meta: SignMeta = {}): Promise<SignOutcome> {
  const emailKey = mailboxKey(input.email)
  const { token, hash } = createToken()
  const id = crypto.randomUUID()
  const language = meta.language ?? 'en'
  const { signed, suppressed } = await writeSignature({
    id, input, emailKey, tokenHash: hash, ipAddress: meta.ipAddress ?? null, language,
    confirmation: { ...confirmationEmail(input.email, input.name, token, language), signatureId: id },
  })
  if (!signed) await signAgain(emailKey)
  // Says nothing about whether the address had signed: only that our mail cannot reach it.
  return { undeliverable: suppressed }
}

interface NewSignature {
  id: string
  input: SignInput
  emailKey: string
  tokenHash: string
  ipAddress: string | null
  language: Language
  confirmation: ReturnType<typeof confirmationEmail> & { signatureId: string }
}

/** `signed`: this request's row was written (false: the mailbox had signed, before or earlier in its group). */
interface Written {
  signed: boolean
  suppressed: boolean
}

/**
 * Group commit (decision 084): signatures arriving within a few milliseconds are written by one
 * statement — the signatures, their confirmation emails, and whether mail to each is suppressed
 * (the check isSuppressed() makes, on the same key) — in one transaction and one round trip, on
 * the pool directly (no Prisma query compiler on the hot path). A signature and its email succeed
 * or fail together, and a failed statement fails every request of its group with nothing stored.
 */
const writeSignature = groupCommit(writeSignatures, { maxSize: 64, maxWaitMs: 2 })

async function writeSignatures(batch: NewSignature[]): Promise<Written[]> {
  // A mailbox twice in one group: the first is written, the rest are repeats (as if they had come
  // a moment later), so the statement never meets its own row in ON CONFLICT.
  const first = new Map<string, NewSignature>()
  for (const s of batch) if (!first.has(s.emailKey)) first.set(s.emailKey, s)
  const rows = [...first.values()]
  const column = <T>(pick: (s: NewSignature) => T) => rows.map(pick)
  const sources = rows.map((s) => attributionColumns(s.input))
  const expires = tokenExpiry().toISOString()
  const written = await sql.rows({ id: col.string, signed: col.boolean, suppressed: col.boolean }, primaryPool)`
    WITH input AS (
      SELECT * FROM unnest(${column((s) => s.id)}::uuid[], ${column((s) => s.input.name)}::text[], ${column((s) => s.input.email)}::text[],
        ${column((s) => s.emailKey)}::text[], ${column((s) => s.input.postcode)}::text[], ${column((s) => s.input.optIn)}::boolean[],
        ${column((s) => s.tokenHash)}::text[], ${column((s) => s.ipAddress)}::text[],
        ${sources.map((c) => c.utmSource)}::text[], ${sources.map((c) => c.utmMedium)}::text[], ${sources.map((c) => c.utmCampaign)}::text[],
        ${sources.map((c) => c.partner)}::text[], ${sources.map((c) => c.referredBy)}::text[], ${column((s) => s.language)}::text[])
        WITH ORDINALITY AS i(id, name, email, "emailKey", postcode, "optIn", "tokenHash", "ipAddress",
                             "utmSource", "utmMedium", "utmCampaign", partner, "referredBy", language, position)
    ), signature AS (
      INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "optIn", "privacyVersion", "tokenHash", "tokenExpiresAt", "ipAddress",
                               "utmSource", "utmMedium", "utmCampaign", partner, "referredBy", language)
      SELECT id, name, email, "emailKey", postcode, "optIn", ${privacyVersion}, "tokenHash", ${expires}::timestamp(3), "ipAddress",
             "utmSource", "utmMedium", "utmCampaign", partner, "referredBy", language
      -- In mailbox order: two groups meeting on the same addresses wait for each other in one order, never in a
      -- deadlock (arrival order could cross). Which of a group's rows came first was settled above.
      FROM input ORDER BY "emailKey"
      -- Signing again changes nothing, where they first came from included (decision 059).
      ON CONFLICT ("emailKey") DO NOTHING
      RETURNING id
    ), queued AS (${queueEmailsSql(column((s) => s.confirmation), Prisma.sql`SELECT id FROM signature`)}
      RETURNING "signatureId"
    )
    SELECT input.id::text AS id,
           EXISTS (SELECT 1 FROM queued WHERE queued."signatureId" = input.id) AS signed,
           EXISTS (SELECT 1 FROM "Suppression" WHERE "Suppression"."emailKey" = input."emailKey") AS suppressed
    FROM input ORDER BY position`
  const byId = new Map(written.map((w) => [w.id, w]))
  return batch.map((s) => {
    const row = byId.get(first.get(s.emailKey)!.id)
    if (!row) throw new Error('group commit: a signature of the batch has no row in the result')
    return { signed: row.signed && first.get(s.emailKey) === s, suppressed: row.suppressed }
  })
}

/**
 * Someone signs again with an address (any spelling of it) that has signed. Nothing about the
 * signature changes: whoever typed the address may not be the person who reads its mail, so
 * their name, postcode and consent are never replaced on their behalf (decision 059, as the UK
 * Parliament petitions site does). The signer is written to at the address they first gave,
 * with the details they first gave: a pending one gets a fresh link (only hashes are kept, so
 * the old link cannot be re-sent), a confirmed one a short note. Someone who mistyped can
 * sign with the right details once the unconfirmed signature expires.
 */
async function signAgain(emailKey: string) {
  await prisma.$transaction(async (tx) => {
    const [existing] = await sql.rows({ id: col.string, state: col.string, confirmationsSent: col.number, name: col.string, email: col.string, language: col.string }, tx)`
      SELECT id, state, "confirmationsSent", name, email, language FROM "Signature" WHERE "emailKey" = ${emailKey} FOR UPDATE`
    if (!existing || existing.state === 'invalidated') return
    // Written to in the language they first signed in, like everything else about the signature.
    const language: Language = isLanguage(existing.language) ? existing.language : 'en'
    if (existing.confirmationsSent >= MAX_EMAILS_PER_SIGNATURE) return

    if (existing.state === 'pending') {
      const { token, hash } = createToken()
      await tx.signature.update({
        where: { id: existing.id },
        data: { tokenHash: hash, tokenExpiresAt: tokenExpiry(), confirmationsSent: { increment: 1 } },
      })
      await queueEmail(tx, { ...confirmationEmail(existing.email, existing.name, token, language), signatureId: existing.id })
      return
    }

    await tx.signature.update({ where: { id: existing.id }, data: { confirmationsSent: { increment: 1 } } })
    await queueEmail(tx, {
      kind: 'already_signed',
      to: existing.email,
      subject: messagesFor(language).email.alreadySignedSubject,
      template: 'already-signed',
      data: { name: existing.name, writeUrl: `${env().APP_URL}${localePath(language, '/write')}`, language },
      signatureId: existing.id,
    })
  })
}
