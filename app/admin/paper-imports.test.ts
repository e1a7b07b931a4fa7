// Paper and event signatures: a CSV is read within its bounds, every bad row is named, the import
// stores exactly the previewed good rows, a revert takes them out of every count, the public total
// includes them only when the campaign setting says so, and nobody is emailed.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { refreshCounts } from '~/petition/counts.server'
import { petitionJson } from '~/petition/public-counts.server'
import { testContext } from '~/testing/context'
import { CsvError, parseCsv } from './csv-read'
import { exportConfirmedSignatures } from './exports.server'
import { dashboardFigures } from './figures.server'
import { importPreviewed, MAX_FILE_BYTES, MAX_ROWS, paperImport, previewPaperImport, revertPaperImport, setPaperInTotal } from './paper-imports.server'
import { insertSignature, signedInCampaigner } from './testing.server'

const limits = { maxRows: 5, maxFieldChars: 20, maxFields: 10 }
const HEADER = 'Full name,Postcode,Email,Consent,Date,Event'

function csvFile(lines: string[], name = 'stall.csv') {
  return new File([lines.join('\r\n')], name, { type: 'text/csv' })
}

/** The public figures as the next request would see them (the cache is a few seconds). */
async function publicFigures() {
  await refreshCounts()
  await new Promise((resolve) => setTimeout(resolve, 2_100))
  return petitionJson()
}

beforeEach(async () => {
  testContext().postcodes.setMode('up')
  await prisma.$executeRaw`TRUNCATE "PaperSignature", "PaperImport", "Signature", "Campaigner", "CampaignerSession", "AuditEntry", "PetitionCount",
    "ConstituencyCount", "Constituency", "Mp", "Email", "Setting" CASCADE`
})

describe('reading a CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and LF, and a byte-order mark', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n"Smith, Jo","say ""hi""","two\r\nlines"\n\nlast,,\n', limits)
    expect(rows).toEqual([['a', 'b', 'c'], ['Smith, Jo', 'say "hi"', 'two\r\nlines'], ['last', '', '']])
  })

  it('refuses malformed quotes, saying on which line', () => {
    expect(() => parseCsv('a,b\n"open,b\nc,d', limits)).toThrow(/line 2 is never closed/)
    expect(() => parseCsv('a,b\nab"c,d', limits)).toThrow(/Line 2: a quote in the middle/)
    expect(() => parseCsv('a,b\n"ab"c,d', limits)).toThrow(/Line 2: a quoted field is followed by text/)
  })

  it('stops at the row, field and column caps, whatever comes after', () => {
    const many = ['h', ...Array.from({ length: 100_000 }, (_, i) => `r${i}`)].join('\n')
    const error = (() => {
      try {
        parseCsv(many, limits)
      } catch (e) {
        return e as CsvError
      }
    })()
    expect(error).toBeInstanceOf(CsvError)
    expect(error?.kind).toBe('too-many-rows')
    expect(parseCsv(['h', 'a', 'b', 'c', 'd', 'e'].join('\n'), limits)).toHaveLength(6)
    expect(() => parseCsv(`h\n"${'x'.repeat(10_000)}"`, limits)).toThrow(/longer than 20 characters/)
    expect(() => parseCsv(`h\n${','.repeat(10_000)}`, limits)).toThrow(/more than 10 columns/)
  })

  it('reads a pathological file in linear time', () => {
    const started = performance.now()
    for (const text of ['"'.repeat(200_000), ','.repeat(200_000), '\n'.repeat(200_000), `"${'""'.repeat(100_000)}"`]) {
      try {
        parseCsv(text, { maxRows: 10_000, maxFieldChars: 500_000, maxFields: 500_000 })
      } catch (error) {
        expect(error).toBeInstanceOf(CsvError)
      }
    }
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('the preview', () => {
  it('refuses a file over the size cap before reading a byte of it, and one over the row cap', async () => {
    const admin = await signedInCampaigner('admin')
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.csv')
    // A File whose contents would throw if read: the size alone must refuse it.
    Object.defineProperty(big, 'arrayBuffer', { value: () => Promise.reject(new Error('read before the size was checked')) })
    expect(await previewPaperImport(admin.campaigner, big)).toEqual({ status: 'refused', message: expect.stringMatching(/up to 2 MB/) })
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `Person ${i},RG1 1AA,,,2026-11-01,Fair`)
    expect(await previewPaperImport(admin.campaigner, csvFile([HEADER, ...rows]))).toEqual({ status: 'refused', message: expect.stringMatching(/more than 10,000 rows/) })
    expect(await previewPaperImport(admin.campaigner, csvFile(['Name,Email', 'Jo,jo@example.org']))).toEqual({ status: 'refused', message: expect.stringMatching(/Missing: Postcode, Date, Event/) })
    expect(await prisma.paperImport.count()).toBe(0)
  })

  it('names every row problem, stores the good rows uncounted, and counts them by nation', async () => {
    const admin = await signedInCampaigner('admin')
    await insertSignature({ name: 'Olive Online', email: 'olive@example.org', postcode: 'RG1 1AA' })
    await insertSignature({ name: 'Omar Online', email: 'omar@example.org', postcode: 'EH10 4BF' })
    const file = csvFile([
      HEADER,
      'Ann Good,rg1 2lu,ann@example.org,yes,2026-11-01,Reading fair', // 1 good
      'Bob Good,EH10 4BF,,,01/11/2026,Edinburgh stall', // 2 good
      ',RG1 1AA,,,2026-11-01,Reading fair', // 3 missing name
      'Cat Bad,NOT A POSTCODE,,,2026-11-01,Reading fair', // 4 bad postcode
      'Dan Unknown,M1 1AE,,,2026-11-01,Reading fair', // 5 not found
      'Eve Jersey,JE2 3AB,,,2026-11-01,Reading fair', // 6 outside Westminster
      'Fay Online,RG1 1AA,OLIVE@example.org,,2026-11-01,Reading fair', // 7 online signer by email
      'omar  online,EH10 4BF,,,2026-11-01,Edinburgh stall', // 8 online signer by name and postcode
      'Ann Again,RG1 1AA,ann@example.org,,2026-11-01,Reading fair', // 9 duplicate of row 1 (email)
      'Bob Good,EH10 4BF,,,2026-11-02,Edinburgh stall', // 10 duplicate of row 2 (name+postcode)
      'Gus Future,RG1 1AA,,,2099-01-01,Reading fair', // 11 future date
      'Hal Date,RG1 1AA,,,31/02/2026,Reading fair', // 12 unparsable date
      'Ivy Email,RG1 1AA,not-an-email,,2026-11-01,Reading fair', // 13 invalid email
      'Jon Consent,RG1 1AA,,maybe,2026-11-01,Reading fair', // 14 bad consent
      'Kit Good,CF24 0AA,"kit@example.org",no,2026-11-01,"Cardiff, march"', // 15 good
    ])
    const outcome = await previewPaperImport(admin.campaigner, file)
    if (outcome.status !== 'previewed') throw new Error(outcome.message)
    const view = (await paperImport(outcome.importId))!
    expect(view.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'missing-name'],
      [4, 'bad-postcode'],
      [5, 'postcode-not-found'],
      [6, 'postcode-outside-westminster'],
      [7, 'duplicate-of-online-signer'],
      [8, 'duplicate-of-online-signer'],
      [9, 'duplicate-in-file'],
      [10, 'duplicate-in-file'],
      [11, 'future-date'],
      [12, 'bad-date'],
      [13, 'bad-email'],
      [14, 'bad-consent'],
    ])
    expect(view.problems.find((p) => p.row === 9)?.problem).toBe('The same person as row 1 of this file')
    // Problems say which row and what is wrong, never the value.
    expect(JSON.stringify(view.problems)).not.toMatch(/Cat Bad|M1 1AE|not-an-email|olive/i)
    expect(view).toMatchObject({ state: 'previewed', rowCount: 15, goodCount: 3, events: ['Reading fair', 'Edinburgh stall', 'Cardiff, march'] })
    expect(view.byNation).toEqual([
      { nation: 'England', signatures: 1 },
      { nation: 'Scotland', signatures: 1 },
      { nation: 'Wales', signatures: 1 },
    ])
    // Nothing counts yet.
    expect((await publicFigures()).paper_signatures).toEqual({ count: 0, included_in_total: false })
    expect(await prisma.auditEntry.count({ where: { action: 'paper-import.preview' } })).toBe(1)
  })

  it('stores nothing when postcodes.io is down', async () => {
    const admin = await signedInCampaigner('admin')
    testContext().postcodes.setMode('down')
    const outcome = await previewPaperImport(admin.campaigner, csvFile([HEADER, 'Ann Good,RG1 2LU,,,2026-11-01,Fair']))
    expect(outcome).toEqual({ status: 'refused', message: expect.stringMatching(/postcodes.io is not answering/) })
    expect(await prisma.paperImport.count()).toBe(0)
  })
})

describe('importing and reverting', () => {
  async function previewed(lines: string[]) {
    const admin = await signedInCampaigner('admin')
    const outcome = await previewPaperImport(admin.campaigner, csvFile([HEADER, ...lines]))
    if (outcome.status !== 'previewed') throw new Error(outcome.message)
    return { admin, importId: outcome.importId }
  }

  it('imports exactly the previewed good rows, once, counted apart; revert takes them out of every count', async () => {
    await insertSignature({ email: 'online@example.org', postcode: 'RG1 1AA', constituencyCode: null })
    const { admin, importId } = await previewed(['Ann Good,RG1 2LU,ann@example.org,yes,2026-11-01,Fair', 'Bob Good,EH10 4BF,,,2026-11-01,Fair', ',RG1 1AA,,,2026-11-01,Fair'])
    const rowsBefore = await prisma.paperSignature.findMany({ where: { importId }, orderBy: { row: 'asc' } })
    expect(rowsBefore.map((r) => [r.row, r.name, r.postcode, r.constituencyCode, r.consent])).toEqual([
      [1, 'Ann Good', 'RG1 2LU', 'E14001438', true],
      [2, 'Bob Good', 'EH10 4BF', 'S14000080', false],
    ])

    expect(await importPreviewed(admin.campaigner, importId)).toEqual({ status: 'imported', count: 2 })
    expect(await prisma.paperSignature.findMany({ where: { importId }, orderBy: { row: 'asc' } })).toEqual(rowsBefore)
    expect(await importPreviewed(admin.campaigner, importId)).toMatchObject({ status: 'refused' })
    expect(await prisma.paperSignature.count()).toBe(2)

    const json = await publicFigures()
    expect(json.signature_count).toBe(1)
    expect(json.paper_signatures).toEqual({ count: 2, included_in_total: false })
    const figures = await dashboardFigures()
    expect(figures.signatures.confirmed).toBe(1)
    expect(figures.paper).toEqual({ count: 2, includedInPublicTotal: false, publicTotal: 1 })

    // The same people in a second file are duplicates of the first import.
    const again = await previewed(['Ann Good,RG1 2LU,,,2026-11-01,Fair'])
    expect((await paperImport(again.importId))!.problems.map((p) => p.code)).toEqual(['duplicate-of-paper-signer'])

    expect(await revertPaperImport(admin.campaigner, importId)).toBe(true)
    expect(await prisma.paperSignature.count({ where: { importId } })).toBe(0)
    expect((await publicFigures()).paper_signatures).toEqual({ count: 0, included_in_total: false })
    expect(await prisma.auditEntry.findMany({ where: { action: { startsWith: 'paper-import.' } }, select: { action: true }, orderBy: { createdAt: 'asc' } })).toEqual([
      { action: 'paper-import.preview' },
      { action: 'paper-import.import' },
      { action: 'paper-import.preview' },
      { action: 'paper-import.revert' },
    ])
  })

  it('refuses to import a second preview of a file already imported since', async () => {
    const first = await previewed(['Ann Good,RG1 2LU,ann@example.org,,2026-11-01,Fair'])
    const second = await previewed(['Ann Good,RG1 2LU,ann@example.org,,2026-11-01,Fair'])
    expect(await importPreviewed(first.admin.campaigner, first.importId)).toEqual({ status: 'imported', count: 1 })
    expect(await importPreviewed(second.admin.campaigner, second.importId)).toEqual({ status: 'refused', message: expect.stringMatching(/imported from another file/) })
    await refreshCounts()
    expect((await prisma.petitionCount.findFirstOrThrow()).paperCount).toBe(1)
  })

  it('adds paper signatures to the public total, constituencies and nations only when the setting is on', async () => {
    await insertSignature({ email: 'online@example.org', postcode: 'RG1 1AA', constituencyCode: null })
    const { admin, importId } = await previewed(['Ann Good,RG1 2LU,,,2026-11-01,Fair', 'Bob Good,EH10 4BF,,,2026-11-01,Fair'])
    await importPreviewed(admin.campaigner, importId)

    const off = await publicFigures()
    expect(off).toMatchObject({ signature_count: 1, paper_signatures: { count: 2, included_in_total: false }, signatures_by_constituency: [], signatures_by_nation: [] })

    await setPaperInTotal(admin.campaigner, true)
    const on = await publicFigures()
    expect(on).toMatchObject({ signature_count: 3, paper_signatures: { count: 2, included_in_total: true } })
    expect(on.signatures_by_constituency.map((c) => [c.ons_code, c.signature_count]).sort()).toEqual([['E14001438', 1], ['S14000080', 1]])
    expect(on.signatures_by_nation.map((n) => n.name).sort()).toEqual(['England', 'Scotland'])
    expect(on.integrity).toMatchObject({ placed_in_constituency: 2, not_placed: 1 })
    expect((await dashboardFigures()).paper).toEqual({ count: 2, includedInPublicTotal: true, publicTotal: 3 })

    await setPaperInTotal(admin.campaigner, false)
    expect((await publicFigures()).signature_count).toBe(1)
    expect(await prisma.auditEntry.count({ where: { action: 'paper-signatures.public-total' } })).toBe(2)
  })

  it('queues no email for anyone imported, with consent or without', async () => {
    const { admin, importId } = await previewed(['Ann Yes,RG1 2LU,ann@example.org,yes,2026-11-01,Fair', 'Bob No,EH10 4BF,bob@example.org,no,2026-11-01,Fair', 'Cy Blank,CF24 0AA,cy@example.org,,2026-11-01,Fair'])
    await importPreviewed(admin.campaigner, importId)
    expect(await prisma.email.count()).toBe(0)
    expect((await prisma.paperSignature.findMany({ orderBy: { row: 'asc' } })).map((r) => r.consent)).toEqual([true, false, false])
  })

  it('exports paper signers after online ones, marked as paper with their event, formulas neutralised', async () => {
    await insertSignature({ name: 'Olive Online', email: 'olive@example.org', optIn: true })
    const { admin, importId } = await previewed(['Ann Yes,RG1 2LU,ann@example.org,yes,2026-11-01,"=HYPERLINK(""x"")"', 'Bob NoEmail,EH10 4BF,,yes,2026-11-02,Fair'])
    await importPreviewed(admin.campaigner, importId)
    const text = await (await exportConfirmedSignatures(admin.campaigner)).text()
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('"Name","Email","Postcode","Constituency","Nation","Opted in to updates","Confirmed at (UTC)","Source","Event"')
    expect(lines[1]).toMatch(/^"Olive Online",.*,"online",$/)
    expect(lines.slice(2).sort()).toEqual([
      '"Ann Yes","ann@example.org","RG1 2LU","Reading Central","England",yes,"2026-11-01","paper","\'=HYPERLINK(""x"")"',
      '"Bob NoEmail",,"EH10 4BF","Edinburgh South","Scotland",no,"2026-11-02","paper","Fair"',
    ])
  })
})
