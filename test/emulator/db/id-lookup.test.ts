/**
 * Criteria that are `_id` alone by string ids skip mingo: the Map answers. They must answer exactly what mingo's own
 * find over every document answers — duplicates, missing ids, `$eq` / `$in`, limits — inside a transaction too.
 */
import fc from 'fast-check'
import { EmulatorClock } from '../../../emulator/core/clock'
import { DatabaseState } from '../../../emulator/db/database-state'
import { DocumentOps } from '../../../emulator/db/document-ops'
import type { Doc } from '../../../emulator/db/ejson-codec'
import { compileQuery, runFind } from '../../../emulator/db/query-engine'

const idArb = fc.integer({ min: 0, max: 12 }).map((i) => `d${i}`)
const criteriaArb = fc.oneof(
  idArb.map((id): Doc => ({ _id: id })),
  idArb.map((id): Doc => ({ _id: { $eq: id } })),
  fc.array(idArb, { maxLength: 6 }).map((ids): Doc => ({ _id: { $in: ids } })),
)

function freshOps(ids: string[]) {
  const state = new DatabaseState({ clock: new EmulatorClock(), transactionTimeoutMs: 30_000, lockWaitMs: 100, compactEveryCommits: 1e9 })
  state.ensureSchema('t', [])
  return { state, ops: new DocumentOps(state), docs: [...new Set(ids)].map((id, n): Doc => ({ _id: id, n })) }
}

describe('_id lookups without a compiled query', () => {
  it('should find what a mingo scan of every document finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(idArb, { maxLength: 10 }),
        criteriaArb,
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        async (ids, criteria, limit) => {
          const { ops, docs } = freshOps(ids)
          if (docs.length) await ops.insert('t', docs)
          const scanned = runFind(docs, compileQuery(criteria), {})
          // mingo keeps collection order; the Map answers in the order the ids were asked for
          const asked = '$in' in Object(criteria._id) ? [...new Set((criteria._id as { $in: string[] }).$in)] : null
          const expected = asked ? asked.flatMap((id) => scanned.filter((d) => d._id === id)) : scanned
          const found = ops.find('t', { criteria }, { limit })
          expect(found).toEqual(limit === undefined ? expected : expected.slice(0, limit))
          expect(ops.count('t', { criteria })).toBe(scanned.length)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('should see a transaction’s own insert and not another’s', async () => {
    const { state, ops } = freshOps([])
    const tx = state.txm.start()
    const other = state.txm.start()
    await ops.insert('t', [{ _id: 'mine', n: 1 }], tx)
    expect(ops.find('t', { criteria: { _id: 'mine' } }, {}, tx)).toEqual([{ _id: 'mine', n: 1 }])
    expect(ops.find('t', { criteria: { _id: 'mine' } }, {}, other)).toEqual([])
    expect(ops.find('t', { criteria: { _id: 'mine' } }, {})).toEqual([])
  })
})
