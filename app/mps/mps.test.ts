// The MP directory: sync from the Members API (stub), lookups from postcodes.io
// (stub), and campaigners' overrides, on a real database.
import { beforeEach, describe, expect, it } from 'vitest'
import { ensureConstituency } from '~/constituencies/constituencies.server'
import { prisma } from '~/lib/db.server'
import { testContext } from '~/testing/context'
import { memberFixtures } from '~/testing/stubs/members-fixtures'
import { forgetPlaces, findMp } from './lookup.server'
import { MembersApiError } from './members-api.server'
import { formatSyncReport, SPEAKER_REASON, syncMps } from './sync.server'
import { findMps, setEmailOverride, switchTargetOff, switchTargetOn, TargetError } from './targets.server'

const fast = { retryBaseMs: 5, timeoutMs: 2_000 }

beforeEach(async () => {
  const { members, postcodes } = testContext()
  members.reset()
  postcodes.setMode('up')
  forgetPlaces()
  await prisma.$executeRaw`TRUNCATE "Email", "Letter", "Mp", "Constituency", "Setting" CASCADE`
})

describe('syncing the MP directory', () => {
  it('pages through every current MP and stores their Parliamentary office email', async () => {
    const report = await syncMps(fast)
    expect(report.members).toBe(memberFixtures.length)
    expect(report.added).toHaveLength(memberFixtures.length)
    // 30 members at 20 a page: two pages, then one Contact request per member.
    const { requests } = testContext().members
    expect(requests.filter((r) => r.startsWith('/Members/Search'))).toEqual([
      '/Members/Search?House=1&IsCurrentMember=true&skip=0&take=20',
      '/Members/Search?House=1&IsCurrentMember=true&skip=20&take=20',
    ])
    expect(requests.filter((r) => r.endsWith('/Contact'))).toHaveLength(memberFixtures.length)

    const rodda = await prisma.mp.findUniqueOrThrow({ where: { id: 4654 } })
    expect(rodda).toMatchObject({
      name: 'Matt Rodda',
      party: 'Labour',
      email: 'matt.rodda.mp@parliament.uk',
      constituencyName: 'Reading Central',
      constituencyKey: 'reading central',
      status: 'current',
      targetEnabled: true,
      postalAddress: 'House of Commons, London, SW1A 0AA',
    })
    expect(await prisma.setting.findUnique({ where: { key: 'mps.lastSync' } })).not.toBeNull()
  })

  it('lets two syncs overlap (the CLI while the job runs): the second waits and changes nothing', async () => {
    const [first, second] = await Promise.all([syncMps(fast), syncMps(fast)])
    expect([first.added.length, second.added.length].sort()).toEqual([0, memberFixtures.length])
    expect(await prisma.mp.count()).toBe(memberFixtures.length)
  })

  it('keeps a member without an email, and says so', async () => {
    const report = await syncMps(fast)
    expect(report.withoutEmail.map((m) => m.name)).toEqual(['Sir Mark Hendrick'])
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 473 } })).email).toBeNull()
  })

  it('switches the Speaker off as a target when first synced, with a reason', async () => {
    await syncMps(fast)
    expect(await prisma.mp.findUniqueOrThrow({ where: { id: 467 } })).toMatchObject({ targetEnabled: false, targetDisabledReason: SPEAKER_REASON })
  })

  it('reports what changed since the last sync: a new MP, a changed email, a vacancy', async () => {
    await syncMps(fast)
    await findMp('RG1 1AA') // postcodes.io names Reading Central: the seat gets its ONS code
    const api = testContext().members
    const members = api.members
    const rodda = members.find((m) => m.id === 4654)!
    rodda.email = 'matt.rodda.office@parliament.uk'
    members.splice(members.findIndex((m) => m.id === 5173), 1) // Aldershot falls vacant
    members.push({ id: 9001, nameDisplayAs: 'Sarah Green', nameFullTitle: 'Sarah Green MP', party: 'Liberal Democrat', constituency: 'Chesham and Amersham', email: 'sarah.green.mp@parliament.uk' })

    const report = await syncMps(fast)
    expect(report.added.map((m) => m.name)).toEqual(['Sarah Green'])
    expect(report.emailChanged).toEqual([
      { id: 4654, name: 'Matt Rodda', constituency: 'Reading Central', from: 'matt.rodda.mp@parliament.uk', to: 'matt.rodda.office@parliament.uk' },
    ])
    expect(report.vacancies).toEqual([{ constituency: 'Aldershot', formerMp: 'Alex Baker' }])
    expect(await prisma.mp.findUniqueOrThrow({ where: { id: 5173 } })).toMatchObject({ status: 'former', constituencyCode: null })
    // The ONS code learnt from postcodes.io stays with the seat's MP.
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 4654 } })).constituencyCode).toBe('E14001438')

    const text = formatSyncReport(report)
    expect(text).toContain('New MPs (1):')
    expect(text).toContain('Matt Rodda: matt.rodda.mp@parliament.uk → matt.rodda.office@parliament.uk')
    expect(text).toContain('Aldershot (was Alex Baker)')
  })

  it('hands a seat to a successor elected at a by-election', async () => {
    await syncMps(fast)
    await findMp('GU11 1AA')
    const api = testContext().members
    const members = api.members
    members.splice(members.findIndex((m) => m.id === 5173), 1, {
      id: 9002,
      nameDisplayAs: 'New Member',
      nameFullTitle: 'New Member MP',
      party: 'Independent',
      constituency: 'Aldershot',
      email: 'new.member.mp@parliament.uk',
    })
    const report = await syncMps(fast)
    expect(report.left.map((m) => m.name)).toEqual(['Alex Baker'])
    expect(report.vacancies).toEqual([])
    expect(await prisma.mp.findUniqueOrThrow({ where: { id: 9002 } })).toMatchObject({ constituencyCode: 'E14001063', status: 'current' })
    const found = await findMp('GU11 1AA')
    expect(found.status === 'found' && found.mp.name).toBe('New Member')
  })

  it('links an MP to its seat’s ONS code as soon as postcodes.io names the seat (a signature located there)', async () => {
    await syncMps(fast)
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 5173 } })).constituencyCode).toBeNull()
    await ensureConstituency({ code: 'E14001063', name: 'Aldershot', nation: 'England' })
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 5173 } })).constituencyCode).toBe('E14001063')
  })

  it('retries failed requests and still gets everyone', async () => {
    testContext().members.failNext(2, 503)
    const report = await syncMps(fast)
    expect(report.members).toBe(memberFixtures.length)
    expect(report.contactFailed).toEqual([])
  })

  it('keeps the previous email when a member’s contact details cannot be fetched', async () => {
    await syncMps(fast)
    const api = testContext().members
    const members = api.members
    api.setMode('contacts-down')
    const report = await syncMps({ ...fast, attempts: 2 })
    expect(report.contactFailed).toHaveLength(members.length)
    expect(report.emailChanged).toEqual([])
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 4654 } })).email).toBe('matt.rodda.mp@parliament.uk')
  })

  it('changes nothing when the Members API is down or too slow', async () => {
    await syncMps(fast)
    const api = testContext().members
    api.setMode('down')
    await expect(syncMps({ ...fast, attempts: 2 })).rejects.toThrow(MembersApiError)
    api.setMode('slow')
    await expect(syncMps({ retryBaseMs: 5, timeoutMs: 200, attempts: 2 })).rejects.toThrow(MembersApiError)
    expect(await prisma.mp.count({ where: { status: 'current' } })).toBe(memberFixtures.length)
  })

  it('refuses a list far shorter than the directory it would replace', async () => {
    await syncMps(fast)
    const api = testContext().members
    const members = api.members
    members.splice(5)
    await expect(syncMps(fast)).rejects.toThrow(/listed only 5 current MPs/)
    expect(await prisma.mp.count({ where: { status: 'current' } })).toBe(memberFixtures.length)
  })

  it('never overwrites a campaigner’s email override or switched-off target', async () => {
    await syncMps(fast)
    await setEmailOverride(4654, 'casework@rodda.example')
    await switchTargetOff(5257, 'Asked us not to send campaign mail')
    await syncMps(fast)
    expect(await prisma.mp.findUniqueOrThrow({ where: { id: 4654 } })).toMatchObject({ emailOverride: 'casework@rodda.example', email: 'matt.rodda.mp@parliament.uk' })
    expect(await prisma.mp.findUniqueOrThrow({ where: { id: 5257 } })).toMatchObject({ targetEnabled: false, targetDisabledReason: 'Asked us not to send campaign mail' })
  })
})

describe('finding a supporter’s MP from their postcode', () => {
  beforeEach(async () => {
    await syncMps(fast)
  })

  it('finds the MP for a postcode, and links the seat to its ONS code', async () => {
    const found = await findMp('RG1 1AA')
    expect(found).toMatchObject({
      status: 'found',
      postcode: 'RG1 1AA',
      town: 'Reading',
      seat: { code: 'E14001438', name: 'Reading Central' },
      mp: { id: 4654, name: 'Matt Rodda', party: 'Labour' },
      email: 'matt.rodda.mp@parliament.uk',
    })
    expect(await prisma.constituency.findUnique({ where: { onsCode: 'E14001438' } })).toMatchObject({ name: 'Reading Central', nation: 'England' })
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 4654 } })).constituencyCode).toBe('E14001438')
  })

  it('answers clearly for an unknown postcode', async () => {
    expect(await findMp('ZZ99 9ZZ')).toEqual({ status: 'unknown-postcode', postcode: 'ZZ99 9ZZ' })
  })

  it('says a Crown Dependency postcode has no MP at Westminster', async () => {
    expect(await findMp('JE2 3AB')).toEqual({ status: 'no-constituency', postcode: 'JE2 3AB', area: 'Jersey' })
  })

  it('says when a seat is vacant', async () => {
    expect(await findMp('HP6 5AA')).toMatchObject({ status: 'vacant', seat: { name: 'Chesham and Amersham' } })
  })

  it('gives the postal address and Parliament page of an MP without an email', async () => {
    // Claire Hanna stands in: her email removed at the source, then synced.
    testContext().members.members.find((m) => m.id === 4827)!.email = null
    await syncMps(fast)
    expect(await findMp('BT7 1NN')).toMatchObject({
      status: 'no-email',
      mp: { name: 'Claire Hanna', postalAddress: 'House of Commons, London, SW1A 0AA', profileUrl: 'https://members.parliament.uk/member/4827/contact' },
    })
  })

  it('explains a target campaigners switched off, and still offers an MP whose address bounced (letters wait for a fix)', async () => {
    expect(await findMp('PR7 1DP')).toMatchObject({ status: 'switched-off', mp: { name: 'Sir Lindsay Hoyle' }, reason: SPEAKER_REASON })
    await prisma.mp.update({ where: { id: 5343 }, data: { emailBouncedAt: new Date() } })
    const bounced = await findMp('SL6 1AA')
    expect(bounced.status === 'found' && bounced.email).toBe(testContext().members.members.find((m) => m.id === 5343)!.email)
    await setEmailOverride(5343, 'joshua.reynolds.office@parliament.uk')
    expect(await findMp('SL6 1AA')).toMatchObject({ status: 'found', email: 'joshua.reynolds.office@parliament.uk' })
    expect((await prisma.mp.findUniqueOrThrow({ where: { id: 5343 } })).emailBouncedAt).toBeNull()
  })

  it('asks to try again when postcodes.io is down, and when the directory was never synced', async () => {
    testContext().postcodes.setMode('down')
    expect(await findMp('EH10 4BF')).toEqual({ status: 'unavailable' })
    testContext().postcodes.setMode('up')
    expect((await findMp('EH10 4BF')).status).toBe('found')
    await prisma.$executeRaw`TRUNCATE "Mp" CASCADE`
    forgetPlaces()
    expect(await findMp('EH10 4BF')).toEqual({ status: 'unavailable' })
  })
})

describe('campaigners’ overrides', () => {
  beforeEach(async () => {
    await syncMps(fast)
  })

  it('switches a target off and on, and overrides and clears an email', async () => {
    await switchTargetOff(4654, 'Refuses campaign mail')
    expect((await findMp('RG1 1AA')).status).toBe('switched-off')
    await switchTargetOn(4654)
    await setEmailOverride(4654, 'override@example.org')
    expect(await findMp('RG1 1AA')).toMatchObject({ status: 'found', email: 'override@example.org' })
    await setEmailOverride(4654, null)
    expect(await findMp('RG1 1AA')).toMatchObject({ status: 'found', email: 'matt.rodda.mp@parliament.uk' })
  })

  it('refuses an unknown MP, a bad address and a missing reason', async () => {
    await expect(switchTargetOff(1, 'x')).rejects.toThrow(TargetError)
    await expect(setEmailOverride(4654, 'not-an-email')).rejects.toThrow(TargetError)
    await expect(switchTargetOff(4654, '  ')).rejects.toThrow(TargetError)
  })

  it('finds MPs by name or constituency', async () => {
    expect((await findMps('reading')).map((m) => m.name)).toEqual(['Matt Rodda', 'Olivia Bailey'])
    expect((await findMps('hoyle')).map((m) => m.constituencyName)).toEqual(['Chorley'])
  })
})
