import type { MembersStub } from './stubs/members-api-stub'
import type { PostcodesStub } from './stubs/postcodes-io-stub'
import type { ResendStub } from './stubs/resend-stub'

export interface TestContext {
  resend: ResendStub
  postcodes: PostcodesStub
  members: MembersStub
  databaseUrl: string
  [extra: string]: unknown
}

let current: TestContext | undefined

export function setTestContext(context: TestContext) {
  current = context
}

/** The stubs and database of the running test file. */
export function testContext(): TestContext {
  if (!current) throw new Error('No test context: is app/testing/setup.ts in vitest setupFiles?')
  return current
}
