import { describe, expect, it } from 'vitest'
import { groupCommit } from './group-commit.server'

describe('groupCommit', () => {
  it('writes items added together as one group, in order, and answers each caller with its own outcome', async () => {
    const groups: number[][] = []
    const add = groupCommit(async (items: number[]) => (groups.push(items), items.map((n) => n * 10)), { maxSize: 100, maxWaitMs: 1 })
    expect(await Promise.all([1, 2, 3].map(add))).toEqual([10, 20, 30])
    expect(groups).toEqual([[1, 2, 3]])
  })

  it('never puts more than maxSize items in one group', async () => {
    const groups: number[][] = []
    const add = groupCommit(async (items: number[]) => (groups.push(items), items), { maxSize: 2, maxWaitMs: 1 })
    await Promise.all([1, 2, 3, 4, 5].map(add))
    expect(groups).toEqual([[1, 2], [3, 4], [5]])
  })

  it('fails every caller of a group whose write fails, and carries on with the next group', async () => {
    let fail = true
    const add = groupCommit(async (items: number[]) => {
      if (fail) throw new Error('statement failed')
      return items
    }, { maxSize: 10, maxWaitMs: 1 })
    const first = await Promise.allSettled([1, 2].map(add))
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    fail = false
    expect(await Promise.all([3, 4].map(add))).toEqual([3, 4])
  })

  it('fails every caller when the write answers for the wrong number of items', async () => {
    const add = groupCommit(async (items: number[]) => items.slice(1), { maxSize: 10, maxWaitMs: 1 })
    expect((await Promise.allSettled([1, 2].map(add))).map((r) => r.status)).toEqual(['rejected', 'rejected'])
  })
})
