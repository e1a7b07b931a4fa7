// Run at every start: makes sure what the campaign needs exists, never
// overwriting what campaigners have changed.
import { ensureMilestones } from '~/petition/counts.server'

export async function ensureCampaignContent() {
  await ensureMilestones()
}
