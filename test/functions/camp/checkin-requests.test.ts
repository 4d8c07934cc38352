/**
 * Round trips of a check-in with its points, counted like the bench does with the emulator's RequestCounter: every
 * database request it serves, the transaction's start and commit included. Issue #12 item 9 asked for ≤ 7; the review
 * queue's backlog counter (issue #17 item 5: one `_.inc` of one of the period's 32 shards, services/camp/queue-counters.ts)
 * makes it 8 — a known, reported trade-off: no document the check-in already writes is shared by the period. The
 * award is a blind credit (`_.inc` on the balance doc, no balance read) and the `checkin` event is derived from the
 * committed check-in document, not inserted. CloudBase sources for `_.inc` in a transaction and for an update of a
 * missing document: test/emulator/db/transaction-inc.test.ts.
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { databaseTrail } from '../../support/request-trail'
import { emptyQueueCounter, QUEUE_SHARDS } from '../../../cloudfunctions/src/domain/camp'
import { ADMIN, at, balanceOf, campOk, checkin, entriesOf, joined, openPeriod } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 10:00')
  period = await openPeriod(h)
  // A running period: each of its counter shards has taken its first write (that one costs a request more, below).
  await h.emu.db.insert(
    'queue_counters',
    Array.from({ length: QUEUE_SHARDS }, (_, k) => emptyQueueCounter(period._id, k)),
  )
  await joined(h, period, ['warm', 'veteran', 'newcomer'])
  // The period is cached per instance (store.ts): the first check-in of the instance reads it, later ones do not.
  expect((await checkin(h, period._id, 'warm')).code).toBe(0)
})
afterAll(() => h.close())

const counted = (run: () => Promise<unknown>) => databaseTrail(h, run)

describe('a check-in with its points', () => {
  it('should take eight database requests for a member who already has points (one is the queue counter), and no balance read', async () => {
    await h.emu.db.insert('points_balances', [{ _id: 'veteran', balance: 40, earned: 40, spent: 0, version: 1, updatedAt: 0 }])
    await h.emu.db.insert('points_entries', [{ _id: 'adjust:veteran-start', memberId: 'veteran', amount: 40, reason: 'adjust', at: 0 }])
    const trail = await counted(() => checkin(h, period._id, 'veteran'))
    expect(trail).toEqual([
      'database.startTransaction',
      'database.getDocument enrollments',
      'database.insertDocument checkins',
      'database.modifyDocument enrollments',
      'database.insertDocument points_entries',
      'database.modifyDocument points_balances',
      // The period's shared counter shard last: locked only until the commit.
      'database.modifyDocument queue_counters',
      'database.commitTransaction',
    ])
    expect(trail.length).toBeLessThanOrEqual(8)
    const [award] = (await entriesOf(h, 'veteran')).filter((e) => e.reason === 'checkin')
    expect(await balanceOf(h, 'veteran')).toBe(40 + award.amount)
    expect(await h.emu.db.find('points_balances', { _id: 'veteran' })).toMatchObject([{ version: 2, earned: 40 + award.amount }])
  })

  it('should take eight requests for a member’s very first points too: their balance doc opened with them', async () => {
    const opening = await counted(() => h.ok('identity', { action: 'open', channel: 'search' }, 'fresh'))
    // start, member add, first_open event add, balance read, balance set, commit: once per member's life.
    expect(opening.filter((r) => r.endsWith('points_balances'))).toEqual([
      'database.getDocument points_balances',
      'database.modifyDocument points_balances',
    ])
    expect(await h.emu.db.find('points_balances', { _id: 'fresh' })).toMatchObject([{ balance: 0, earned: 0, spent: 0, version: 0 }])
    await campOk(h, 'join', { periodId: period._id }, 'fresh')
    const trail = await counted(() => checkin(h, period._id, 'fresh'))
    expect(trail).toHaveLength(8)
    expect(trail.filter((r) => r.endsWith('points_balances'))).toEqual(['database.modifyDocument points_balances'])
    const [award] = (await entriesOf(h, 'fresh')).filter((e) => e.reason === 'checkin')
    expect(await h.emu.db.find('points_balances', { _id: 'fresh' })).toMatchObject([
      { balance: award.amount, earned: award.amount, spent: 0, version: 1 },
    ])
    // A second open neither recreates nor touches the balance.
    await h.ok('identity', { action: 'open' }, 'fresh')
    expect(await balanceOf(h, 'fresh')).toBe(award.amount)
  })

  it('should keep points granted before a member’s first open: the open never overwrites a balance doc', async () => {
    await h.emu.db.insert('points_balances', [{ _id: 'gifted', balance: 15, earned: 15, spent: 0, version: 1, updatedAt: 0 }])
    await h.emu.db.insert('points_entries', [{ _id: 'adjust:gifted-start', memberId: 'gifted', amount: 15, reason: 'adjust', at: 0 }])
    await h.ok('identity', { action: 'open' }, 'gifted')
    expect(await h.emu.db.find('points_balances', { _id: 'gifted' })).toMatchObject([{ balance: 15, version: 1 }])
  })

  it('should create the balance doc with the first points of a member created before balances opened with them: one request more, once', async () => {
    const trail = await counted(() => checkin(h, period._id, 'newcomer'))
    expect(trail.filter((r) => r.endsWith('points_balances'))).toEqual([
      'database.modifyDocument points_balances',
      'database.modifyDocument points_balances',
    ])
    expect(trail).toHaveLength(9)
    const [award] = (await entriesOf(h, 'newcomer')).filter((e) => e.reason === 'checkin')
    expect(await h.emu.db.find('points_balances', { _id: 'newcomer' })).toMatchObject([
      { balance: award.amount, earned: award.amount, spent: 0, version: 1 },
    ])
  })

  it('should take one request more for the first write of a counter shard: the update finds nothing and sets it', async () => {
    const fresh = await openPeriod(h)
    await joined(h, fresh, ['first-in-shard'])
    await h.emu.db.insert('points_balances', [{ _id: 'first-in-shard', balance: 0, earned: 0, spent: 0, version: 0, updatedAt: 0 }])
    const trail = await counted(() => checkin(h, fresh._id, 'first-in-shard'))
    expect(trail.filter((r) => r.endsWith('queue_counters'))).toEqual([
      'database.modifyDocument queue_counters',
      'database.modifyDocument queue_counters',
    ])
    // 8 + the shard's creation (the new period's first read by this instance comes on top: the period cache).
    expect(trail.filter((r) => !r.endsWith(' periods'))).toHaveLength(9)
    expect(await h.emu.db.find('queue_counters', { periodId: fresh._id, k: { $gte: 0 } })).toMatchObject([{ writes: 1, pending: 1 }])
  })

  it('should insert no event: the check-in document is the record its event is derived from', async () => {
    expect(await h.emu.db.count('events', { type: 'checkin' })).toBe(0)
  })
})
