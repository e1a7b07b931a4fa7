// Signing: one statement writes the signature and queues its confirmation
// email, so neither can exist without the other. A repeat signature never
// counts twice and never reveals whether the address had signed.
import crypto from 'node:crypto'
import { attributionColumns } from '~/attribution/codes'
import { privacyVersion } from '~/campaign/content'
import { retention } from '~/campaign/retention'
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { isLanguage, localePath, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { mailboxKey } from '~/lib/mailbox-key'
import { createToken } from '~/lib/tokens.server'
import { queueEmail, queueEmailSql } from '~/emails/outbox.server'
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
  const confirmation = queueEmailSql(confirmationEmail(input.email, input.name, token, language), {
    rows: Prisma.sql`signature`,
    signatureId: Prisma.sql`signature.id`,
  })
  const source = attributionColumns(input)
  // One round trip on the hot path: the insert and the queued email succeed or fail together,
  // and the same statement says whether mail to the address is suppressed (the check
  // isSuppressed() makes, on the same key): a second query here cost a quarter of signing
  // throughput in `npm run bench` (docs/performance.md).
  const [result] = await sql.rows({ id: col.string.nullable(), suppressed: col.boolean })`
    WITH signature AS (
      INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "optIn", "privacyVersion", "tokenHash", "tokenExpiresAt", "ipAddress",
                               "utmSource", "utmMedium", "utmCampaign", partner, "referredBy", language)
      VALUES (${id}::uuid, ${input.name}, ${input.email}, ${emailKey}, ${input.postcode}, ${input.optIn}, ${privacyVersion}, ${hash}, ${tokenExpiry()}, ${meta.ipAddress ?? null},
              ${source.utmSource}, ${source.utmMedium}, ${source.utmCampaign}, ${source.partner}, ${source.referredBy}, ${language})
      -- Signing again changes nothing, where they first came from included (decision 059).
      ON CONFLICT ("emailKey") DO NOTHING
      RETURNING id
    ), queued AS (${confirmation}
      RETURNING "signatureId"
    )
    SELECT (SELECT "signatureId"::text FROM queued) AS id,
           EXISTS (SELECT 1 FROM "Suppression" WHERE "emailKey" = ${emailKey}) AS suppressed`
  if (!result.id) await signAgain(emailKey)
  // Says nothing about whether the address had signed: only that our mail cannot reach it.
  return { undeliverable: result.suppressed }
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
