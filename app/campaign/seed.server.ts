// Run at every start: makes sure what the campaign needs exists, never
// overwriting what campaigners have changed.
import { ensureAdminFromEnv } from '~/admin/campaigners.server'
import { ensureLetterTemplate } from '~/letters/template.server'
import { ensureMilestones } from '~/petition/counts.server'

export async function ensureCampaignContent() {
  await ensureMilestones()
  await ensureAdminFromEnv()
  await ensureLetterTemplate()
}
