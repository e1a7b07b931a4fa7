import type { RunningStub } from '../../app/testing/stubs/http-stub'
import { startMembersStub } from '../../app/testing/stubs/members-api-stub'
import { ports } from './ports'

/** Stubs other domains add to the end-to-end run (the Members API, …). */
export async function extraStubs(): Promise<RunningStub[]> {
  return [await startMembersStub(ports.members)]
}
