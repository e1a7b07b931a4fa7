// Signatures collected on paper or at events (decision 117). An admin uploads a CSV; every row is
// checked (name, postcode known to postcodes.io and inside a Westminster seat, email, consent, date,
// event, duplicates within the file, of an online signer or of an earlier import) and the rows that
// pass are stored with the preview, counting nowhere. "Import" then imports exactly those rows;
// "Revert" deletes them again. Each step is audited; nobody is emailed because of an import.
import { isValid, toNormalised } from 'postcode'
import { ensureConstituency } from '~/constituencies/constituencies.server'
import { lookupPostcodes, PostcodeServiceError, type PostcodePlace } from '~/constituencies/postcodes-io.server'
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'
import { ukTime } from '~/lib/format'
import { mailboxKey } from '~/lib/mailbox-key'
import { col, sql } from '~/lib/sql.server'
import { paperImportState, signatureState } from '~/lib/sql-enums.server'
import { email as emailField, fullName } from '~/lib/supporter-fields'
import { refreshCounts } from '~/petition/counts.server'
import { paperInPublicTotal, setPaperInPublicTotal } from '~/petition/paper-total.server'
import { audit } from './audit.server'
import type { Campaigner } from './auth.server'
import { PAPER_PREVIEW_HOURS as PREVIEW_HOURS } from '~/retention/retention.server'
import { CsvError, parseCsv } from './csv-read'
import { MAX_FILE_BYTES, MAX_ROWS } from './paper-limits'

export { MAX_FILE_BYTES, MAX_ROWS }
const MAX_FIELD_CHARS = 500
const MAX_EVENT_CHARS = 200
const POSTCODES_PER_LOOKUP = 100

/** The columns, by their header (any case; "name" for "full name"). */
const COLUMNS = {
  name: ['full name', 'name'],
  postcode: ['postcode', 'post code'],
  email: ['email', 'email address'],
  consent: ['consent', 'updates'],
  date: ['date', 'signed on'],
  event: ['event', 'event name'],
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: Column[] = ['name', 'postcode', 'date', 'event']
const COLUMN_LABEL: Record<Column, string> = { name: 'Full name', postcode: 'Postcode', email: 'Email', consent: 'Consent', date: 'Date', event: 'Event' }

export type ProblemCode =
  | 'missing-name'
  | 'bad-name'
  | 'missing-postcode'
  | 'bad-postcode'
  | 'postcode-not-found'
  | 'postcode-outside-westminster'
  | 'bad-email'
  | 'bad-consent'
  | 'missing-date'
  | 'bad-date'
  | 'future-date'
  | 'missing-event'
  | 'long-event'
  | 'duplicate-in-file'
  | 'duplicate-of-online-signer'
  | 'duplicate-of-paper-signer'

/** A row that will not be imported, and why: the row number and the column, never the value. */
export interface RowProblem {
  /** 1 = the first row after the header. */
  row: number
  column: string
  code: ProblemCode
  problem: string
}

interface CheckedRow {
  row: number
  name: string
  email: string | null
  emailKey: string | null
  postcode: string
  consent: boolean
  signedOn: Date
  event: string
  place?: PostcodePlace
}

export type PreviewOutcome =
  | { status: 'previewed'; importId: string }
  | { status: 'refused'; message: string }

/** Lower-case, single-spaced name and a postcode without spaces: how "same name and postcode" is judged. */
const personAtPostcode = (name: string, postcode: string) => `${name.toLowerCase().replace(/\s+/g, ' ').trim()}|${postcode.replace(/\s+/g, '').toUpperCase()}`

/** "2026-11-28" or "28/11/2026" (also 28-11-2026, 28.11.2026, single digits) as a UTC midnight; null if not a date. */
export function parseSignedOn(value: string): Date | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : []
  if (!y) return null
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? date : null
}

function consentOf(value: string): boolean | null {
  const v = value.trim().toLowerCase()
  if (v === '' || v === 'no' || v === 'n' || v === 'false' || v === '0') return false
  if (v === 'yes' || v === 'y' || v === 'true' || v === '1') return true
  return null
}

/** The header's columns; null with a message when a required one is missing. */
function columnsOf(header: string[]): { index: Partial<Record<Column, number>> } | { missing: string[] } {
  const index: Partial<Record<Column, number>> = {}
  header.forEach((title, i) => {
    const t = title.trim().toLowerCase().replace(/\s+/g, ' ')
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.includes(t) && index[column] === undefined) index[column] = i
    }
  })
  const missing = REQUIRED.filter((c) => index[c] === undefined).map((c) => COLUMN_LABEL[c])
  return missing.length ? { missing } : { index }
}

/** Checks one row on its own (not yet the postcode lookup or duplicates). */
function checkRow(row: number, cells: string[], index: Partial<Record<Column, number>>, today: Date, problems: RowProblem[]): CheckedRow | null {
  const cell = (c: Column) => (index[c] === undefined ? '' : (cells[index[c]] ?? '').trim())
  const before = problems.length
  const add = (column: Column, code: ProblemCode, problem: string) => problems.push({ row, column: COLUMN_LABEL[column], code, problem })

  let name = ''
  if (!cell('name')) add('name', 'missing-name', 'The name is missing')
  else {
    const parsed = fullName.safeParse(cell('name'))
    if (parsed.success) name = parsed.data
    else add('name', 'bad-name', `The name is not accepted: ${parsed.error.issues[0].message.replace(/^Your name/, 'it')}`)
  }

  let postcode = ''
  if (!cell('postcode')) add('postcode', 'missing-postcode', 'The postcode is missing')
  else if (cell('postcode').length > 16 || !isValid(cell('postcode'))) add('postcode', 'bad-postcode', 'The postcode is not a UK postcode')
  else postcode = toNormalised(cell('postcode')) as string

  let email: string | null = null
  if (cell('email')) {
    const parsed = emailField.safeParse(cell('email'))
    if (parsed.success) email = parsed.data
    else add('email', 'bad-email', 'The email address is not valid')
  }

  const consent = consentOf(cell('consent'))
  if (consent === null) add('consent', 'bad-consent', 'Consent must be yes, no or empty')

  let signedOn: Date | null = null
  if (!cell('date')) add('date', 'missing-date', 'The date is missing')
  else {
    signedOn = parseSignedOn(cell('date'))
    if (!signedOn) add('date', 'bad-date', 'The date is not a date: write it like 2026-11-28 or 28/11/2026')
    else if (signedOn > today) add('date', 'future-date', 'The date is in the future')
  }

  const event = cell('event').replace(/\s+/g, ' ')
  if (!event) add('event', 'missing-event', 'The event is missing')
  else if (event.length > MAX_EVENT_CHARS) add('event', 'long-event', `The event name is longer than ${MAX_EVENT_CHARS} characters`)

  if (problems.length > before || !signedOn || consent === null) return null
  return { row, name, email, emailKey: email ? mailboxKey(email) : null, postcode, consent, signedOn, event }
}

/** Looks every distinct postcode up, 100 at a time. Throws PostcodeServiceError when postcodes.io fails. */
async function placesOf(postcodes: string[]): Promise<Map<string, PostcodePlace | null>> {
  const places = new Map<string, PostcodePlace | null>()
  const distinct = [...new Set(postcodes)]
  for (let i = 0; i < distinct.length; i += POSTCODES_PER_LOOKUP) {
    const chunk = distinct.slice(i, i + POSTCODES_PER_LOOKUP)
    const found = await lookupPostcodes(chunk)
    for (const postcode of chunk) places.set(postcode, found.get(postcode) ?? null)
  }
  return places
}

/** Rows matching an online signer (not struck out) or a paper signer of an import in force, by mailbox or by name and postcode. */
async function existingMatches(rows: CheckedRow[]) {
  const emailKeys = rows.flatMap((r) => (r.emailKey ? [r.emailKey] : []))
  const people = rows.map((r) => personAtPostcode(r.name, r.postcode))
  const postcodes = [...new Set(rows.map((r) => r.postcode))]
  const [online, paper] = await Promise.all([
    sql.rows({ emailKey: col.string, person: col.string })`
      SELECT "emailKey", lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) || '|' || upper(replace(postcode, ' ', '')) AS person
      FROM "Signature"
      WHERE state <> ${signatureState.invalidated} AND ("emailKey" = ANY(${emailKeys}) OR postcode = ANY(${postcodes}))`,
    sql.rows({ emailKey: col.string.nullable(), person: col.string })`
      SELECT p."emailKey", lower(regexp_replace(btrim(p.name), '\\s+', ' ', 'g')) || '|' || upper(replace(p.postcode, ' ', '')) AS person
      FROM "PaperSignature" p JOIN "PaperImport" i ON i.id = p."importId" AND i.state = ${paperImportState.imported}
      WHERE p."emailKey" = ANY(${emailKeys}) OR p.postcode = ANY(${postcodes})`,
  ])
  const wanted = new Set(people)
  const keysOf = (found: { emailKey: string | null; person: string }[]) => ({
    emails: new Set(found.flatMap((f) => (f.emailKey ? [f.emailKey] : []))),
    people: new Set(found.map((f) => f.person).filter((p) => wanted.has(p))),
  })
  return { online: keysOf(online), paper: keysOf(paper) }
}

/**
 * Reads and checks an uploaded file and stores its preview. The file's size is checked first, then
 * the parser reads at most MAX_ROWS rows; a file that cannot be read is refused whole with a message
 * saying why. Stores nothing that counts: the good rows wait for `importPreviewed`.
 */
export async function previewPaperImport(campaigner: Campaigner, file: File, now = new Date()): Promise<PreviewOutcome> {
  if (file.size > MAX_FILE_BYTES) {
    return { status: 'refused', message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB are accepted. Split it into smaller files.` }
  }
  if (file.size === 0) return { status: 'refused', message: 'Choose a CSV file to upload: that file is empty.' }
  let rows: string[][]
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
    rows = parseCsv(text, { maxRows: MAX_ROWS, maxFieldChars: MAX_FIELD_CHARS, maxFields: 50 })
  } catch (error) {
    if (error instanceof CsvError) return { status: 'refused', message: error.message }
    if (error instanceof TypeError) return { status: 'refused', message: 'The file is not text in UTF-8. Save it from your spreadsheet as “CSV UTF-8”.' }
    throw error
  }
  const [header, ...data] = rows
  if (!header || !data.length) return { status: 'refused', message: 'The file has no rows of signatures under its header.' }
  const columns = columnsOf(header)
  if ('missing' in columns) {
    return { status: 'refused', message: `The file’s first row must name its columns. Missing: ${columns.missing.join(', ')}. Expected: Full name, Postcode, Email (optional), Consent (optional), Date, Event.` }
  }

  const today = new Date(`${ukTime.isoDate.format(now)}T00:00:00Z`)
  const problems: RowProblem[] = []
  const checked = data.map((cells, i) => checkRow(i + 1, cells, columns.index, today, problems)).filter((r): r is CheckedRow => r !== null)

  let places: Map<string, PostcodePlace | null>
  try {
    places = await placesOf(checked.map((r) => r.postcode))
  } catch (error) {
    if (error instanceof PostcodeServiceError) return { status: 'refused', message: 'postcodes.io is not answering, so the postcodes cannot be checked. Nothing was stored: try again in a few minutes.' }
    throw error
  }
  const located: CheckedRow[] = []
  for (const row of checked) {
    const place = places.get(row.postcode) ?? null
    if (!place) problems.push({ row: row.row, column: 'Postcode', code: 'postcode-not-found', problem: 'The postcode was not found (it may be new, old or mistyped)' })
    else if (!place.constituencyCode || !place.constituencyName || !place.nation) {
      problems.push({ row: row.row, column: 'Postcode', code: 'postcode-outside-westminster', problem: 'The postcode is outside Westminster’s constituencies' })
    } else located.push({ ...row, place })
  }

  const existing = await existingMatches(located)
  const seenEmail = new Map<string, number>()
  const seenPerson = new Map<string, number>()
  const good: CheckedRow[] = []
  for (const row of located) {
    const person = personAtPostcode(row.name, row.postcode)
    const earlier = (row.emailKey ? seenEmail.get(row.emailKey) : undefined) ?? seenPerson.get(person)
    const problem = (code: ProblemCode, column: string, text: string) => problems.push({ row: row.row, column, code, problem: text })
    if (earlier !== undefined) problem('duplicate-in-file', row.emailKey && seenEmail.has(row.emailKey) ? 'Email' : 'Full name', `The same person as row ${earlier} of this file`)
    else if (row.emailKey && existing.online.emails.has(row.emailKey)) problem('duplicate-of-online-signer', 'Email', 'Already signed online with this email address')
    else if (existing.online.people.has(person)) problem('duplicate-of-online-signer', 'Full name', 'Already signed online with this name and postcode')
    else if ((row.emailKey && existing.paper.emails.has(row.emailKey)) || existing.paper.people.has(person)) {
      problem('duplicate-of-paper-signer', row.emailKey && existing.paper.emails.has(row.emailKey) ? 'Email' : 'Full name', 'Already imported from an earlier paper or event file')
    } else good.push(row)
    if (row.emailKey && !seenEmail.has(row.emailKey)) seenEmail.set(row.emailKey, row.row)
    if (!seenPerson.has(person)) seenPerson.set(person, row.row)
  }
  problems.sort((a, b) => a.row - b.row)

  const events = [...new Set(good.map((r) => r.event))].slice(0, 100)
  const importId = await prisma.$transaction(async (tx) => {
    for (const place of new Map(good.map((r) => [r.place!.constituencyCode!, r.place!])).values()) {
      await ensureConstituency({ code: place.constituencyCode!, name: place.constituencyName!, nation: place.nation! }, tx)
    }
    const created = await tx.paperImport.create({
      data: {
        fileName: file.name.slice(0, 200) || 'upload.csv',
        events,
        uploadedById: campaigner.id,
        rowCount: data.length,
        goodCount: good.length,
        problems: problems as unknown as Prisma.InputJsonValue,
      },
    })
    for (let i = 0; i < good.length; i += 1000) {
      await tx.paperSignature.createMany({
        data: good.slice(i, i + 1000).map((r) => ({
          importId: created.id,
          row: r.row,
          name: r.name,
          email: r.email,
          emailKey: r.emailKey,
          postcode: r.postcode,
          constituencyCode: r.place!.constituencyCode,
          nation: r.place!.nation,
          consent: r.consent,
          signedOn: r.signedOn,
          event: r.event,
        })),
      })
    }
    await audit(campaigner.id, 'paper-import.preview', { importId: created.id, rows: data.length, good: good.length, problems: problems.length }, tx)
    return created.id
  }, { timeout: 60_000 })
  return { status: 'previewed', importId }
}

export interface PaperImportView {
  id: string
  fileName: string
  events: string[]
  state: 'previewed' | 'imported' | 'reverted'
  uploadedBy: string
  rowCount: number
  goodCount: number
  problems: RowProblem[]
  createdAt: string
  importedAt: string | null
  revertedAt: string | null
  /** Good rows by nation (what "Import" would add, or added). */
  byNation: { nation: string; signatures: number }[]
  /** Previews expire; an expired one can no longer be imported. */
  expired: boolean
}

export async function paperImport(id: string, now = new Date()): Promise<PaperImportView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const found = await prisma.paperImport.findUnique({ where: { id }, include: { uploadedBy: { select: { email: true } } } })
  if (!found) return null
  const nations = await sql.rows({ nation: col.string, n: col.count })`
    SELECT coalesce(nation, 'Unknown') AS nation, count(*) AS n FROM "PaperSignature" WHERE "importId" = ${id}::uuid GROUP BY 1 ORDER BY 2 DESC, 1`
  return {
    id: found.id,
    fileName: found.fileName,
    events: found.events,
    state: found.state,
    uploadedBy: found.uploadedBy.email,
    rowCount: found.rowCount,
    goodCount: found.goodCount,
    problems: found.problems as unknown as RowProblem[],
    createdAt: found.createdAt.toISOString(),
    importedAt: found.importedAt?.toISOString() ?? null,
    revertedAt: found.revertedAt?.toISOString() ?? null,
    byNation: nations.map((r) => ({ nation: r.nation, signatures: Number(r.n) })),
    expired: found.state === 'previewed' && now.getTime() - found.createdAt.getTime() > PREVIEW_HOURS * 3600_000,
  }
}

/** Every import, newest first, with the totals in force. */
export async function paperImports() {
  const rows = await prisma.paperImport.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    include: { uploadedBy: { select: { email: true } } },
  })
  const imported = rows.filter((r) => r.state === 'imported').reduce((sum, r) => sum + r.goodCount, 0)
  return {
    imported,
    rows: rows.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      events: r.events.join(', '),
      state: r.state,
      uploadedBy: r.uploadedBy.email,
      goodCount: r.goodCount,
      problemCount: (r.problems as unknown as RowProblem[]).length,
      createdAt: r.createdAt.toISOString(),
    })),
  }
}

export type ImportOutcome = { status: 'imported'; count: number } | { status: 'refused'; message: string }

/**
 * Imports a preview's rows, exactly those, once. Refused when it is not a preview any more, has
 * expired, or when a row now matches one imported since the preview (the same file imported twice).
 */
export async function importPreviewed(campaigner: Campaigner, id: string, now = new Date()): Promise<ImportOutcome> {
  const view = await paperImport(id, now)
  if (!view || view.state !== 'previewed') return { status: 'refused', message: 'That preview has already been imported or reverted.' }
  if (view.expired) return { status: 'refused', message: `That preview is more than ${PREVIEW_HOURS} hours old. Upload the file again to check it afresh.` }
  const outcome = await prisma.$transaction(async (tx): Promise<ImportOutcome> => {
    // One import at a time, so two previews of one file cannot both go in.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('paper-import'))`
    const [clash] = await sql.rows({ n: col.count }, tx)`
      SELECT count(*) AS n FROM "PaperSignature" mine
      JOIN "PaperSignature" other ON other."importId" <> mine."importId"
        AND (other."emailKey" = mine."emailKey" OR (lower(other.name) = lower(mine.name) AND other.postcode = mine.postcode))
      JOIN "PaperImport" i ON i.id = other."importId" AND i.state = ${paperImportState.imported}
      WHERE mine."importId" = ${id}::uuid`
    if (clash.n > 0n) {
      return { status: 'refused', message: `${clash.n} of these rows were imported from another file since this preview. Upload the file again to check it afresh.` }
    }
    const { count } = await tx.paperImport.updateMany({ where: { id, state: 'previewed' }, data: { state: 'imported', importedAt: now } })
    if (count !== 1) return { status: 'refused', message: 'That preview has already been imported or reverted.' }
    await audit(campaigner.id, 'paper-import.import', { importId: id, signatures: view.goodCount, events: view.events }, tx)
    return { status: 'imported', count: view.goodCount }
  })
  if (outcome.status === 'imported') await refreshCounts()
  return outcome
}

/** Undoes an import (or drops a preview): its signatures are deleted and leave every count at once. */
export async function revertPaperImport(campaigner: Campaigner, id: string, now = new Date()): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false
  const reverted = await prisma.$transaction(async (tx) => {
    const before = await tx.paperImport.findUnique({ where: { id }, select: { state: true, goodCount: true } })
    if (!before || before.state === 'reverted') return false
    await tx.paperImport.update({ where: { id }, data: { state: 'reverted', revertedAt: now } })
    const { count } = await tx.paperSignature.deleteMany({ where: { importId: id } })
    await audit(campaigner.id, before.state === 'imported' ? 'paper-import.revert' : 'paper-import.discard', { importId: id, signatures: count }, tx)
    return true
  })
  if (reverted) await refreshCounts()
  return reverted
}

/** The campaign setting "add paper signatures to the public total" (decision 118): audited, and the counts follow at once. */
export async function setPaperInTotal(campaigner: Campaigner, included: boolean) {
  await prisma.$transaction(async (tx) => {
    const before = await paperInPublicTotal(tx)
    await setPaperInPublicTotal(included, tx)
    await audit(campaigner.id, 'paper-signatures.public-total', { before, after: included }, tx)
  })
  await refreshCounts()
}

export async function paperTotalSetting() {
  const [included, count] = await Promise.all([paperInPublicTotal(), prisma.petitionCount.findUnique({ where: { id: 1 } })])
  return { included, paperCount: count?.paperCount ?? 0 }
}
