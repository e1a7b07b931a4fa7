import type { RunningStub } from '../stubs/http-stub'
import { startMembersStub } from '../stubs/members-api-stub'
import { ports } from './ports'

/** Stubs other domains add to the end-to-end run (the Members API, …). */
export async function extraStubs(): Promise<RunningStub[]> {
  return [await startMembersStub(ports.members)]
}
