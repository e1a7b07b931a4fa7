import type { MembersStub } from '../../e2e/stubs/members-api-stub'
import type { PostcodesStub } from '../../e2e/stubs/postcodes-io-stub'
import type { ResendStub } from '../../e2e/stubs/resend-stub'

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
