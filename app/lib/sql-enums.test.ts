// States named once (decision 075): raw SQL reaches a state through Prisma's generated enums, as a literal.
import { describe, expect, it } from 'vitest'
import { Prisma } from '~/generated/prisma/client'
import { emailStatus, letterState, signatureState } from './sql-enums.server'

describe('enum literals for raw SQL', () => {
  it('write the state as a quoted literal, never as a bound parameter (partial indexes name the literal)', () => {
    const query = Prisma.sql`SELECT 1 FROM "Signature" WHERE state = ${signatureState.validated} AND "x" = ${'y'}`
    expect(query.sql).toBe(`SELECT 1 FROM "Signature" WHERE state = 'validated' AND "x" = ?`)
    expect(query.values).toEqual(['y'])
    expect(Prisma.sql`${letterState.invalidated}`.sql).toBe(`'invalidated'`)
    expect(Prisma.sql`${emailStatus.delivery_delayed}`.sql).toBe(`'delivery_delayed'`)
  })
})
