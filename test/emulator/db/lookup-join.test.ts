/**
 * Which foreign documents a `$lookup` hands to mingo. That the answers stay the same is the
 * property test's job (index-equivalence.test.ts); these pin down that the join is narrowed.
 */
import { EmulatorClock } from '../../../emulator/core/clock'
import { DatabaseState } from '../../../emulator/db/database-state'
import { DocumentOps } from '../../../emulator/db/document-ops'
import type { Doc } from '../../../emulator/db/ejson-codec'
import { lookupSource, simpleLookup } from '../../../emulator/db/lookup-join'

let state: DatabaseState
let ops: DocumentOps

beforeEach(async () => {
  state = new DatabaseState({ clock: new EmulatorClock(), transactionTimeoutMs: 30_000, lockWaitMs: 100, compactEveryCommits: 1e9 })
  state.ensureSchema('rows', [])
  state.ensureSchema('members', [{ name: 'code', keys: { code: 1 } }])
  ops = new DocumentOps(state)
  await ops.insert('members', [
    { _id: 'm3', code: 3 },
    { _id: 'm1', code: 1 },
    { _id: 'm2', code: [2, 4] },
    { _id: 'm4', code: 4 },
    { _id: ['m9', 'm1'], code: 9 },
  ])
})

const ids = (docs: Doc[]) => docs.map((d) => d._id)
const members = () => state.collection('members')
const lookup = (localField: string, foreignField: string) => ({ from: 'members', localField, foreignField })

describe('$lookup narrowing', () => {
  it('should hand an _id lookup the documents whose _id is a local value (or an array _id), in collection order', () => {
    const local = [{ _id: 'r1', memberId: 'm4' }, { _id: 'r2', memberId: 'm3' }, { _id: 'r3' }]
    expect(ids(lookupSource(members(), lookup('memberId', '_id'), local))).toEqual(['m3', 'm4', ['m9', 'm1']])
  })

  it('should hand a lookup on an indexed field the documents holding a local value plus those the index keeps aside', () => {
    const local = [{ _id: 'r1', memberCode: [1, 4] }]
    expect(ids(lookupSource(members(), lookup('memberCode', 'code'), local))).toEqual(['m1', 'm2', 'm4'])
  })

  it('should hand the whole collection when the foreign field has no index', () => {
    expect(lookupSource(members(), lookup('memberId', 'nickname'), [{ _id: 'r1', memberId: 'm1' }])).toHaveLength(5)
  })

  it('should hand the whole collection when a local value is not a plain scalar', () => {
    expect(lookupSource(members(), lookup('memberId', '_id'), [{ _id: 'r1', memberId: { id: 'm1' } }])).toHaveLength(5)
  })

  it('should leave the let and pipeline forms and empty fields (mingo then joins everything) to mingo', () => {
    expect(simpleLookup({ $lookup: { from: 'members', localField: 'a', foreignField: '_id', as: 'm' } })).toBeDefined()
    expect(simpleLookup({ $lookup: { from: 'members', localField: 'a', foreignField: '_id', as: 'm', pipeline: [] } })).toBeUndefined()
    expect(simpleLookup({ $lookup: { from: 'members', localField: '', foreignField: '_id', as: 'm' } })).toBeUndefined()
  })

  it('should join a page of an aggregate to its members', async () => {
    await ops.insert('rows', [
      { _id: 'r1', memberId: 'm2', score: 5 },
      { _id: 'r2', memberId: 'm1', score: 9 },
      { _id: 'r3', memberId: 'm9', score: 7 },
    ])
    const page = ops.aggregate('rows', [
      { $match: {} },
      { $sort: { score: -1 } },
      { $limit: 2 },
      { $lookup: { from: 'members', localField: 'memberId', foreignField: '_id', as: 'member' } },
      { $project: { member: 1 } },
    ])
    expect(page).toEqual([
      {
        _id: 'r2',
        member: [
          { _id: 'm1', code: 1 },
          { _id: ['m9', 'm1'], code: 9 },
        ],
      },
      { _id: 'r3', member: [{ _id: ['m9', 'm1'], code: 9 }] },
    ])
  })
})
