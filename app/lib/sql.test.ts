import { describe, expect, it } from 'vitest'
import { col, sql } from './sql.server'

/** One query in the source (one call site), given whatever shape the caller names. */
const oneQuery = <S extends Parameters<typeof sql.rows>[0]>(shape: S) => sql.rows(shape)`SELECT 'x' AS a, 2 AS b`

describe('raw SQL rows', () => {
  it('checks every row of every call against its shape, the schema built once per query', async () => {
    for (let i = 0; i < 3; i++) expect(await oneQuery({ a: col.string, b: col.number })).toEqual([{ a: 'x', b: 2 }])
    // The same query read with another shape is checked against that shape, not the first one's.
    await expect(oneQuery({ a: col.string, c: col.number })).rejects.toThrow()
    await expect(oneQuery({ a: col.string, b: col.string })).rejects.toThrow()
    expect(await oneQuery({ a: col.string })).toEqual([{ a: 'x' }])
  })
})
