// CSV escaping, and exports that stream confirmed signers only.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import { loader as constituenciesCsv } from '~/routes/admin-export-constituencies'
import { loader as lettersCsv } from '~/routes/admin-export-letters-per-mp'
import { loader as signaturesCsv } from '~/routes/admin-export-signatures'
import { csvCell, csvLine, datedFileName } from '~/admin/csv.server'
import { EXPORT_BATCH_SIZE, exportConfirmedSignatures } from '~/admin/exports.server'
import type { Prisma } from '~/generated/prisma/client'
import { insertSignature, outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'

function signature(state: 'pending' | 'validated' | 'invalidated', name: string, extra: Partial<Prisma.SignatureUncheckedCreateInput> = {}) {
  return insertSignature({ state, name, ...extra })
}

async function readAll(response: Response) {
  const chunks: string[] = []
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const reader = response.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(decoder.decode(value, { stream: true }))
  }
  return chunks
}

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Signature", "Campaigner", "CampaignerSession", "AuditEntry", "Constituency", "Mp", "Letter", "Email", "Suppression" CASCADE`
})

describe('CSV cells', () => {
  it('neutralise anything a spreadsheet could run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+44 7700 900000')).toBe(`"'+44 7700 900000"`)
    expect(csvCell('-2+3')).toBe(`"'-2+3"`)
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`)
    expect(csvCell('\t=1')).toBe(`"'\t=1"`)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell('＝1+1')).toBe(`"'＝1+1"`)
  })

  it('keep ordinary text as it is, quoted, with quotes doubled', () => {
    expect(csvCell('Priya Shah')).toBe('"Priya Shah"')
    expect(csvCell('O\'Brien, "Jo"\nsecond line')).toBe('"O\'Brien, ""Jo""\nsecond line"')
    expect(csvCell('<script>alert(1)</script>')).toBe('"<script>alert(1)</script>"')
    expect(csvCell('a=b')).toBe('"a=b"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(true)).toBe('yes')
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z')
    expect(csvLine(['a', 1])).toBe('"a",1\r\n')
  })

  it('name files with the UK date', () => {
    expect(datedFileName('signatures', new Date('2026-06-30T23:30:00Z'))).toBe('duty-of-care-signatures-2026-07-01.csv')
  })
})

describe('the confirmed signatures export', () => {
  it('holds confirmed signers only, neutralised, and is audited', async () => {
    const admin = await signedInCampaigner('admin')
    await signature('validated', '=HYPERLINK("http://x")', { optIn: true })
    await signature('validated', '<script>alert(1)</script>')
    await signature('pending', 'Pending Person')
    await signature('invalidated', 'Struck Out')
    const response = await signaturesCsv(routeArgs(admin.request('/admin/exports/signatures.csv')))
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="duty-of-care-signatures-\d{4}-\d{2}-\d{2}\.csv"$/)
    const text = (await readAll(response)).join('')
    const lines = text.split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('\uFEFF"Name","Email","Postcode","Constituency","Nation","Opted in to updates","Confirmed at (UTC)","Source","Event"')
    expect(lines).toHaveLength(3)
    expect(text).toContain(`"'=HYPERLINK(""http://x"")","person`)
    expect(text).toContain('"<script>alert(1)</script>"')
    expect(text).not.toContain('Pending Person')
    expect(text).not.toContain('Struck Out')
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'export.signatures' } })
    expect(entry.campaignerId).toBe(admin.campaigner.id)
  })

  it('says "opted in" only for signers we may email today: ticked, not unsubscribed, not suppressed', async () => {
    const admin = await signedInCampaigner('admin')
    await signature('validated', 'Ticked', { optIn: true, email: 'ticked@example.org' })
    await signature('validated', 'Unticked', { optIn: false, email: 'unticked@example.org' })
    await signature('validated', 'Unsubscribed', { optIn: true, email: 'unsubscribed@example.org', unsubscribedAt: new Date() })
    await signature('validated', 'Bounced', { optIn: true, email: 'bounced@example.org' })
    await prisma.suppression.create({ data: { emailKey: 'bounced@example.org', reason: 'bounce' } })
    const text = (await readAll(await signaturesCsv(routeArgs(admin.request('/admin/exports/signatures.csv'))))).join('')
    const optedIn = Object.fromEntries(
      text.split('\r\n').slice(1).filter(Boolean).map((line) => [line.split(',')[0].replaceAll('"', ''), line.split(',')[5]]),
    )
    expect(optedIn).toEqual({ Ticked: 'yes', Unticked: 'no', Unsubscribed: 'no', Bounced: 'no' })
  })

  it('streams 50,000 rows a batch at a time, reading the database as the client reads', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.$executeRaw`
      INSERT INTO "Signature" (id, name, email, "emailKey", postcode, "privacyVersion", state, "tokenHash", "tokenExpiresAt", "validatedAt")
      SELECT gen_random_uuid(), 'Signer ' || i, 'signer' || i || '@example.org', 'signer' || i || '@example.org', 'RG1 1AA', 'test',
             'validated', 'bulk-' || i, now() + interval '1 day', now() - interval '1 day' + i * interval '1 millisecond'
      FROM generate_series(1, 50000) AS i`
    const response = await exportConfirmedSignatures(admin.campaigner as never)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    const first = decoder.decode((await reader.read()).value)
    expect(first).toMatch(/^\uFEFF"Name"/)
    const firstBatch = decoder.decode((await reader.read()).value)
    expect(firstBatch.split('\r\n').filter(Boolean)).toHaveLength(EXPORT_BATCH_SIZE)

    // Confirmed after the download started: a file built up front could not contain it.
    await signature('validated', 'Late Confirmer', { validatedAt: new Date(Date.now() + 60_000) })

    let rows = EXPORT_BATCH_SIZE
    let largestChunk = 0
    let last = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const lines = decoder.decode(value).split('\r\n').filter(Boolean)
      largestChunk = Math.max(largestChunk, lines.length)
      rows += lines.length
      last = lines[lines.length - 1]
    }
    expect(rows).toBe(50_001)
    expect(largestChunk).toBeLessThanOrEqual(EXPORT_BATCH_SIZE)
    expect(last).toMatch(/^"Late Confirmer"/)
  })
})

describe('who may export', () => {
  const exportsByPath = {
    '/admin/exports/signatures.csv': signaturesCsv,
    '/admin/exports/constituencies.csv': constituenciesCsv,
    '/admin/exports/letters-per-mp.csv': lettersCsv,
  }

  it('nobody signed out, no viewer, and no page on another site', async () => {
    const viewer = await signedInCampaigner('viewer')
    const admin = await signedInCampaigner('admin')
    for (const [path, loader] of Object.entries(exportsByPath)) {
      const signedOut = await outcome(() => loader(routeArgs(new Request(`${TEST_APP_URL}${path}`))))
      expect(signedOut.status).toBe(302)
      expect(signedOut.value.headers.get('location')).toMatch(/^\/admin\/sign-in/)
      expect((await outcome(() => loader(routeArgs(viewer.request(path))))).status).toBe(403)
      const crossSite = admin.request(path, { headers: { 'sec-fetch-site': 'cross-site' } })
      expect((await outcome(() => loader(routeArgs(crossSite)))).status).toBe(403)
      const allowed = await outcome(() => loader(routeArgs(admin.request(path))))
      expect(allowed.status).toBe(200)
      await readAll(allowed.value)
    }
    expect(await prisma.auditEntry.count({ where: { action: { startsWith: 'export.' } } })).toBe(3)
  })
})

describe('aggregate exports', () => {
  it('count signatures and letters by constituency with the MP', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.constituency.create({ data: { onsCode: 'E14001438', name: 'Reading Central', nameKey: 'reading central', nation: 'England' } })
    await prisma.mp.create({ data: { id: 1, name: '=Evil MP', fullTitle: 'x', party: 'Labour', constituencyCode: 'E14001438' } })
    await prisma.constituencyCount.create({ data: { onsCode: 'E14001438', signatureCount: 7 } })
    const letter = await prisma.letter.create({
      data: { mpId: 1, constituencyCode: 'E14001438', name: 'A', email: 'a@example.org', emailKey: 'a@example.org', postcode: 'RG1 1AA', personalisation: 0.5, state: 'sent', confirmedAt: new Date(), sentAt: new Date() },
    })
    await prisma.$executeRaw`
      INSERT INTO "Email" (id, kind, "to", subject, template, data, status, "letterId", "updatedAt")
      VALUES (gen_random_uuid(), 'letter_to_mp', 'mp@parliament.uk', 's', 't', '{}', 'delivered', ${letter.id}::uuid, now())`
    const byConstituency = (await readAll(await constituenciesCsv(routeArgs(admin.request('/admin/exports/constituencies.csv'))))).join('')
    expect(byConstituency).toContain(`"Reading Central","E14001438","England","'=Evil MP","Labour",7,1,0`)
    const perMp = (await readAll(await lettersCsv(routeArgs(admin.request('/admin/exports/letters-per-mp.csv'))))).join('')
    expect(perMp).toContain(`"'=Evil MP","Labour","Reading Central","E14001438",yes,1,1,1,0`)
  })
})
