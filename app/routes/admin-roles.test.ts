// Every dashboard page refuses the signed-out; admin pages refuse viewers; no form works cross-site.
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/lib/db.server'
import * as audit from '~/routes/admin.audit'
import * as briefings from '~/routes/admin.briefings'
import * as briefingsNew from '~/routes/admin.briefings-new'
import * as constituencies from '~/routes/admin.constituencies'
import * as exportsPage from '~/routes/admin.exports'
import * as letterTemplate from '~/routes/admin.letter-template'
import * as layout from '~/routes/admin'
import * as milestones from '~/routes/admin.milestones'
import * as moderation from '~/routes/admin.moderation'
import * as mps from '~/routes/admin.mps'
import * as dashboard from '~/routes/admin._index'
import * as sources from '~/routes/admin.sources'
import * as sourcesExport from '~/routes/admin-export-sources'
import { outcome, routeArgs, signedInCampaigner, TEST_APP_URL } from '~/admin/testing.server'

const everyone = { '/admin': [layout, dashboard], '/admin/constituencies': [constituencies], '/admin/sources': [sources] } as const
const adminsOnly = {
  '/admin/moderation': moderation,
  '/admin/exports': exportsPage,
  '/admin/letter-template': letterTemplate,
  '/admin/milestones': milestones,
  '/admin/mps': mps,
  '/admin/audit': audit,
  '/admin/exports/sources.csv': sourcesExport,
  '/admin/briefings': briefings,
  '/admin/briefings/new': briefingsNew,
} as const
const withActions = { '/admin/moderation': moderation, '/admin/letter-template': letterTemplate, '/admin/milestones': milestones, '/admin/mps': mps, '/admin/briefings/new': briefingsNew }

function form(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }
}

beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "Campaigner", "CampaignerSession", "AuditEntry", "Milestone" CASCADE`
})

describe('access to the dashboard', () => {
  it('sends anyone signed out to the sign-in page', async () => {
    const modules = [...Object.entries(everyone).flatMap(([p, ms]) => ms.map((m) => [p, m] as const)), ...Object.entries(adminsOnly)]
    for (const [path, module] of modules) {
      const result = await outcome(() => module.loader(routeArgs(new Request(`${TEST_APP_URL}${path}`))))
      expect(result.status, path).toBe(302)
      expect(result.value.headers.get('location'), path).toMatch(/^\/admin\/sign-in/)
    }
    for (const [path, module] of Object.entries(withActions)) {
      const result = await outcome(() => module.action(routeArgs(new Request(`${TEST_APP_URL}${path}`, form({}, { origin: TEST_APP_URL })))))
      expect(result.status, path).toBe(302)
    }
  })

  it('lets a viewer see the figures but no admin page or action', async () => {
    const viewer = await signedInCampaigner('viewer')
    for (const [path, modules] of Object.entries(everyone)) {
      for (const module of modules) expect((await outcome(() => module.loader(routeArgs(viewer.request(path))))).status, path).toBe(200)
    }
    for (const [path, module] of Object.entries(adminsOnly)) {
      expect((await outcome(() => module.loader(routeArgs(viewer.request(path))))).status, path).toBe(403)
    }
    for (const [path, module] of Object.entries(withActions)) {
      expect((await outcome(() => module.action(routeArgs(viewer.request(path, form({ thresholds: '5' })))))).status, path).toBe(403)
    }
    expect(await prisma.milestone.count()).toBe(0)
  })

  it('lets an admin everywhere', async () => {
    const admin = await signedInCampaigner('admin')
    for (const [path, module] of Object.entries(adminsOnly)) {
      expect((await outcome(() => module.loader(routeArgs(admin.request(path))))).status, path).toBe(200)
    }
  })
})

describe('changes from the dashboard', () => {
  it('are refused from another site, and audited from the dashboard', async () => {
    const admin = await signedInCampaigner('admin')
    const path = '/admin/milestones'
    const crossSite = new Request(`${TEST_APP_URL}${path}`, { ...form({ thresholds: '5\n50' }, { origin: 'http://evil.test', cookie: admin.cookie }) })
    expect((await outcome(() => milestones.action(routeArgs(crossSite)))).status).toBe(403)
    expect(await prisma.milestone.count()).toBe(0)

    const ok = await outcome(() => milestones.action(routeArgs(admin.request(path, form({ thresholds: '50\n5, 5' })))))
    expect(ok.status).toBe(303)
    expect((await prisma.milestone.findMany({ orderBy: { threshold: 'asc' } })).map((m) => m.threshold)).toEqual([5, 50])
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'milestones.update' } })
    expect(entry).toMatchObject({ campaignerId: admin.campaigner.id, details: { before: [], after: [5, 50] } })
  })

  it('validate input and never 500 on nonsense', async () => {
    const admin = await signedInCampaigner('admin')
    expect((await outcome(() => milestones.action(routeArgs(admin.request('/admin/milestones', form({ thresholds: 'lots' })))))).status).toBe(400)
    expect((await outcome(() => letterTemplate.action(routeArgs(admin.request('/admin/letter-template', form({ subjects: '', body: 'short' })))))).status).toBe(400)
    expect((await outcome(() => mps.action(routeArgs(admin.request('/admin/mps', form({ intent: 'nope' })))))).status).toBe(400)
    expect((await outcome(() => mps.action(routeArgs(admin.request('/admin/mps', form({ intent: 'switch-on', mpId: '999' })))))).status).toBe(400)
    expect((await outcome(() => moderation.action(routeArgs(admin.request('/admin/moderation', form({ intent: 'revert', invalidationId: 'x' })))))).status).toBe(400)
    expect((await outcome(() => moderation.loader(routeArgs(admin.request('/admin/moderation?ip=not-an-ip'))))).status).toBe(200)
  })

  it('save the letter template with a preview first', async () => {
    const admin = await signedInCampaigner('admin')
    const body = 'Dear {{mp_name}},\n\nPlease back a Duty of Care for children online. It matters in {{constituency}}.\n\n{{name}}'
    const fields = { subjects: 'Please act, {{mp_name}}\nSecond subject', body, prompts: 'Why does it matter to you?' }
    const preview = await outcome(() => letterTemplate.action(routeArgs(admin.request('/admin/letter-template', form({ ...fields, intent: 'preview' })))))
    expect(preview.value.preview.body).toContain('Dear Jane Example MP')
    expect(await prisma.auditEntry.count({ where: { action: 'letter-template.update' } })).toBe(0)
    const saved = await outcome(() => letterTemplate.action(routeArgs(admin.request('/admin/letter-template', form({ ...fields, intent: 'save' })))))
    expect(saved.status).toBe(303)
    expect(await prisma.letterTemplate.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ subjects: ['Please act, {{mp_name}}', 'Second subject'], body })
    expect(await prisma.auditEntry.count({ where: { action: 'letter-template.update' } })).toBe(1)
  })

  it('override an MP’s email and switch a target off and on, audited', async () => {
    const admin = await signedInCampaigner('admin')
    await prisma.mp.create({ data: { id: 42, name: 'An MP', fullTitle: 'An MP MP', party: 'X', email: 'synced@parliament.uk' } })
    const post = (fields: Record<string, string>) => outcome(() => mps.action(routeArgs(admin.request('/admin/mps', form({ mpId: '42', ...fields })))))
    expect((await post({ intent: 'override', email: 'not an email' })).status).toBe(400)
    expect((await post({ intent: 'override', email: 'office@parliament.uk' })).status).toBe(303)
    expect((await post({ intent: 'switch-off', reason: '' })).status).toBe(400)
    expect((await post({ intent: 'switch-off', reason: 'Vacant seat' })).status).toBe(303)
    expect(await prisma.mp.findUniqueOrThrow({ where: { id: 42 } })).toMatchObject({ emailOverride: 'office@parliament.uk', targetEnabled: false, targetDisabledReason: 'Vacant seat' })
    expect((await post({ intent: 'switch-on' })).status).toBe(303)
    expect((await post({ intent: 'clear-override' })).status).toBe(303)
    expect(await prisma.mp.findUniqueOrThrow({ where: { id: 42 } })).toMatchObject({ emailOverride: null, targetEnabled: true })
    expect((await prisma.auditEntry.findMany({ where: { action: { startsWith: 'mp-target.' } }, orderBy: { createdAt: 'asc' } })).map((e) => e.action)).toEqual([
      'mp-target.override',
      'mp-target.switch-off',
      'mp-target.switch-on',
      'mp-target.override',
    ])
  })
})
