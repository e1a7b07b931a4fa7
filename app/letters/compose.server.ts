// The supporter's journey at /write, on the server: the letter to start from,
// the checks before a preview, and the request that emails them a confirm
// link. Nothing reaches an MP until the button behind that link is pressed
// (confirm.server.ts).
import crypto from 'node:crypto'
import { attributionColumns } from '~/attribution/codes'
import { retention } from '~/campaign/retention'
import { Prisma } from '~/generated/prisma/client'
import { addressRateKey } from '~/lib/address-rate-key.server'
import { prisma } from '~/lib/db.server'
import { env } from '~/lib/env.server'
import { HONEYPOT_FIELD } from '~/lib/honeypot'
import { mailboxKey } from '~/lib/mailbox-key'
import { consume } from '~/lib/rate-limit.server'
import { createToken } from '~/lib/tokens.server'
import { formatMailbox, parseMailbox } from '~/mail/address'
import { queueEmail } from '~/emails/outbox.server'
import { findMp, type MpLookup, type MpSummary, type Seat } from '~/mps/lookup.server'
import { fill, localePath, type Language } from '~/i18n/language'
import { messagesFor } from '~/i18n/messages.server'
import { fingerprint, flagNearDuplicates } from './fingerprint.server'
import type { LetterInput } from './letter-form.server'
import { finaliseBody, letterForMp, mergeTemplate, ownMailLinks, type LetterParts, type MergeValues } from './letter-text'
import { measurePersonalisation } from './personalisation'
import { letterTemplate, pickSubject } from './template.server'
import { col, sql } from '~/lib/sql.server'

export const REMINDER_AFTER_HOURS = 24
export const CAMPAIGN_SENDER_SUFFIX = 'via Duty of Care'

type Found = Extract<MpLookup, { status: 'found' }>

export interface KnownDetails {
  name?: string
  email?: string
}

/** What the compose step starts from: the MP, a subject, the merged template and its prompts. */
export interface ComposeStart {
  mp: MpSummary
  seat: Seat
  postcode: string
  town: string
  subject: string
  body: string
  prompts: string[]
  /** The raw template and merge values: the meter measures against them in the browser. */
  template: string
  merge: MergeValues
  known: KnownDetails
}

/** `language`: the page's; a Welsh writer starts from the Welsh template. */
export async function startLetter(lookup: Found, known: KnownDetails = {}, language: Language = 'en'): Promise<ComposeStart> {
  const template = await letterTemplate(language)
  const merge: MergeValues = { mpName: lookup.mp.name, constituency: lookup.seat.name, town: lookup.town ?? undefined, name: known.name, language }
  return {
    mp: lookup.mp,
    seat: lookup.seat,
    postcode: lookup.postcode,
    town: lookup.town ?? '',
    subject: pickSubject(template, merge),
    body: mergeTemplate(template.body, merge),
    prompts: template.prompts,
    template: template.body,
    merge: { mpName: merge.mpName, constituency: merge.constituency, language },
    known,
  }
}

export type WriteStart = { status: 'compose'; start: ComposeStart } | Exclude<MpLookup, { status: 'found' }>

/** Step 1 → 2: the postcode's MP, and if we can write to them, the letter to start from. */
export async function beginLetter(postcode: string, known: KnownDetails = {}, language: Language = 'en'): Promise<WriteStart> {
  const lookup = await findMp(postcode)
  if (lookup.status !== 'found') return lookup
  return { status: 'compose', start: await startLetter(lookup, known, language) }
}

/** The compose step again, after an error or "change my letter": the MP, the template for the meter, the prompts. */
export async function composeContext(mpId: number, language: Language = 'en') {
  const [template, mp] = await Promise.all([letterTemplate(language), prisma.mp.findUnique({ where: { id: mpId }, include: { constituency: true } })])
  if (!mp) return null
  const seatName = mp.constituency?.name ?? mp.constituencyName ?? ''
  return {
    mp: { id: mp.id, name: mp.name, party: mp.party },
    seatName,
    template: template.body,
    prompts: template.prompts,
    merge: { mpName: mp.name, constituency: seatName, language },
  }
}

export interface CheckedLetter {
  lookup: Found
  body: string
  personalisation: number
  parts: LetterParts
  from: string
  replyTo: string
}

export type LetterCheck =
  | ({ status: 'ok' } & CheckedLetter)
  | { status: 'postcode-problem'; message: string }
  | { status: 'unavailable' }

function fromName(name: string, language: Language) {
  return `${name.slice(0, 100)} ${language === 'en' ? CAMPAIGN_SENDER_SUFFIX : messagesFor(language).write.letter.via}`
}

/**
 * The supporter's postcode must still lead to the MP they are writing to. `language`: the page's, which the
 * letter is written in (its problems are said in it, and the lines we add to the letter follow it).
 */
export async function checkLetter(input: LetterInput, language: Language = 'en'): Promise<LetterCheck> {
  const lookup = await findMp(input.postcode)
  if (lookup.status === 'unavailable') return { status: 'unavailable' }
  const words = messagesFor(language).write
  if (lookup.status !== 'found' || lookup.mp.id !== input.mpId) {
    const problems = words.problems
    const message =
      lookup.status === 'unknown-postcode'
        ? problems.unknownPostcode
        : lookup.status === 'no-constituency'
          ? problems.noConstituency
          : fill(lookup.status === 'found' ? problems.otherMp : problems.cannotSend, { seat: lookup.seat.name })
    return { status: 'postcode-problem', message }
  }
  const template = await letterTemplate(language)
  const merge = { mpName: lookup.mp.name, constituency: lookup.seat.name, name: input.name, town: input.town, language }
  const body = finaliseBody(input.body, merge)
  const personalisation = measurePersonalisation({ body: input.body, template: template.body, ...merge })
  const parts = letterForMp({ sender: input, body, constituency: lookup.seat.name, siteUrl: env().APP_URL, lines: words.letter })
  const mailFrom = parseMailbox(env().MAIL_FROM)
  return {
    status: 'ok',
    lookup,
    body,
    personalisation,
    parts,
    from: formatMailbox(fromName(input.name, language), mailFrom.address),
    replyTo: input.email,
  }
}

export type LetterPreview =
  | {
      status: 'preview'
      preview: {
        mpName: string
        to: string
        from: string
        replyTo: string
        subject: string
        letter: LetterParts
        personalisation: number
        /** What the next step posts back (hidden fields): the letter as previewed. */
        values: Record<string, string | number | undefined>
      }
    }
  | { status: 'postcode-problem'; message: string }
  | { status: 'unavailable' }

export async function previewLetter(input: LetterInput, language: Language = 'en'): Promise<LetterPreview> {
  const checked = await checkLetter(input, language)
  if (checked.status !== 'ok') return checked
  const { [HONEYPOT_FIELD]: _honeypot, ...fields } = input
  return {
    status: 'preview',
    preview: {
      mpName: checked.lookup.mp.name,
      to: checked.lookup.email,
      from: checked.from,
      replyTo: checked.replyTo,
      subject: input.subject,
      letter: checked.parts,
      personalisation: checked.personalisation,
      values: { ...fields, body: checked.body },
    },
  }
}

export type LetterRequest =
  | { status: 'requested' }
  | { status: 'postcode-problem'; message: string }
  | { status: 'unavailable' }
  | { status: 'rate-limited'; retryAfterSeconds: number }

export interface RequestMeta {
  ipAddress?: string
  /** The page's language (decision 110): stored on the letter; the writer's emails are in it. */
  language?: Language
}

/** The link opens the confirm page in the language they wrote in. */
function confirmUrl(token: string, language: Language) {
  return `${env().APP_URL}${localePath(language, `/write/confirm/${token}`)}`
}

/**
 * "Send my letter": a pending letter and an email with its confirm link (plus one reminder, due a day
 * later). The same supporter writing to the same MP again gets a fresh link while the letter is
 * pending, or a note that it has gone; the page says the same either way.
 */
export async function requestLetter(input: LetterInput, meta: RequestMeta = {}): Promise<LetterRequest> {
  if (input[HONEYPOT_FIELD]) return { status: 'requested' }
  const checked = await checkLetter(input, meta.language)
  if (checked.status !== 'ok') return checked
  const emailKey = mailboxKey(input.email)
  for (const [rule, key] of [['lettersPerIp', meta.ipAddress], ['lettersPerEmail', addressRateKey(input.email)]] as const) {
    if (!key) continue
    const decision = await consume(rule, key)
    if (!decision.allowed) return { status: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds }
  }

  const print = fingerprint(checked.body)
  const letterId = await writePendingLetter(input, checked, emailKey, print, meta)
  if (letterId) await flagNearDuplicates(letterId, print)
  return { status: 'requested' }
}

async function writePendingLetter(input: LetterInput, checked: CheckedLetter, emailKey: string, print: number[], meta: RequestMeta) {
  const { lookup } = checked
  const language = meta.language ?? 'en'
  const words = messagesFor(language).write.email
  const { token, hash } = createToken()
  const tokenExpiresAt = new Date(Date.now() + retention.letterLinkDays * 24 * 3600 * 1000)
  const content = {
    name: input.name,
    email: input.email,
    addressLine1: input.addressLine1,
    town: input.town,
    postcode: input.postcode,
    phone: input.phone ?? null,
    subject: input.subject,
    body: checked.body,
    personalisation: checked.personalisation,
    fingerprint: print,
    nearDuplicate: false,
    constituencyCode: lookup.seat.code,
    tokenHash: hash,
    tokenExpiresAt,
    ipAddress: meta.ipAddress ?? null,
    language,
  }
  const confirmationEmail = (letterId: string, reminder: boolean) => ({
    kind: reminder ? ('letter_reminder' as const) : ('letter_confirmation' as const),
    to: input.email,
    subject: fill(reminder ? words.reminderSubject : words.confirmSubject, { mp: lookup.mp.name }),
    template: 'letter-confirmation' as const,
    // Nothing the writer typed but their name: the letter and its subject stay on the page behind the link.
    data: { mpName: lookup.mp.name, constituency: lookup.seat.name, linkDays: retention.letterLinkDays, reminder, language },
    secrets: { name: input.name, confirmUrl: confirmUrl(token, language) },
    letterId,
    notBefore: reminder ? new Date(Date.now() + REMINDER_AFTER_HOURS * 3600 * 1000) : undefined,
  })

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const [existing] = await sql.rows({ id: col.string, state: col.string }, tx)`
          SELECT id, state FROM "Letter"
          WHERE "emailKey" = ${emailKey} AND "mpId" = ${lookup.mp.id} AND channel = 'campaign_mail' FOR UPDATE`
        if (!existing) {
          // Where they came from is kept from the first request: a fresh link later does not change it.
          const letter = await tx.letter.create({
            data: { ...content, ...attributionColumns(input), emailKey, mpId: lookup.mp.id, channel: 'campaign_mail' },
            select: { id: true },
          })
          await queueEmail(tx, confirmationEmail(letter.id, false))
          await queueEmail(tx, confirmationEmail(letter.id, true))
          return letter.id
        }
        if (existing.state === 'pending') {
          // Their latest words and a fresh link; the old link and its reminder go.
          await tx.letter.update({ where: { id: existing.id }, data: { ...content, createdAt: new Date(), reminderSentAt: null } })
          await tx.email.deleteMany({ where: { letterId: existing.id, status: 'queued', idempotencyKey: null, kind: { in: ['letter_confirmation', 'letter_reminder'] } } })
          await queueEmail(tx, confirmationEmail(existing.id, false))
          await queueEmail(tx, confirmationEmail(existing.id, true))
          return existing.id
        }
        await queueEmail(tx, {
          kind: 'letter_confirmation',
          to: input.email,
          subject: fill(words.alreadySubject, { mp: lookup.mp.name }),
          template: 'letter-already-sent',
          data: { mpName: lookup.mp.name, language },
          secrets: { name: input.name },
          letterId: existing.id,
        })
        return null
      })
    } catch (error) {
      // Two requests for the same letter at once: the loser goes round again and finds the winner's row.
      if (attempt === 0 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue
      throw error
    }
  }
  return null
}

export type OwnMailOutcome =
  | ({ status: 'ready' } & CheckedLetter & { to: string; subject: string; links: ReturnType<typeof ownMailLinks> })
  | { status: 'postcode-problem'; message: string }
  | { status: 'unavailable' }
  | { status: 'rate-limited'; retryAfterSeconds: number }

/**
 * "Send it from my own email": records that a letter went by the supporter's own mailbox (channel
 * own_mail) without keeping its text, and returns what the compose links need.
 */
export async function recordOwnMail(input: LetterInput, meta: RequestMeta = {}): Promise<OwnMailOutcome> {
  const language = meta.language ?? 'en'
  const checked = await checkLetter(input, language)
  if (checked.status !== 'ok') return checked
  const to = checked.lookup.email
  const links = ownMailLinks({ to, subject: input.subject, sender: input, body: checked.body, lines: messagesFor(language).write.letter })
  const ready = { ...checked, status: 'ready' as const, to, subject: input.subject, links }
  if (input[HONEYPOT_FIELD]) return ready
  if (meta.ipAddress) {
    const decision = await consume('lettersPerIp', meta.ipAddress)
    if (!decision.allowed) return { status: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds }
  }
  const emailKey = mailboxKey(input.email)
  const print = fingerprint(checked.body)
  const record = {
    name: input.name,
    email: input.email,
    postcode: input.postcode,
    constituencyCode: checked.lookup.seat.code,
    personalisation: checked.personalisation,
    fingerprint: print,
    state: 'sent' as const,
    sentAt: new Date(),
    ipAddress: meta.ipAddress ?? null,
    language,
  }
  const letter = await prisma.letter.upsert({
    where: { emailKey_mpId_channel: { emailKey, mpId: checked.lookup.mp.id, channel: 'own_mail' } },
    create: { id: crypto.randomUUID(), ...record, ...attributionColumns(input), emailKey, mpId: checked.lookup.mp.id, channel: 'own_mail' },
    update: record,
    select: { id: true },
  })
  await flagNearDuplicates(letter.id, print)
  return ready
}
