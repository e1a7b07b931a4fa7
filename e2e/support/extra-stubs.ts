import type { RunningStub } from '../stubs/http-stub'

/** Stubs other domains add to the end-to-end run (the Members API, …). */
export async function extraStubs(): Promise<RunningStub[]> {
  return []
}
