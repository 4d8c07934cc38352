/**
 * Round trips of a check-in with its points, counted like the bench does with the emulator's RequestCounter: every
 * database request it serves, the transaction's start and commit included. Issue #12 item 9 asks for ≤ 7: seven. The
 * award is a blind credit (`_.inc` on the balance doc, no balance read), the `checkin` event is derived from the
 * committed check-in document, not inserted, and the review queue's backlog counts the check-in from its document too
 * (it is stamped `queuedAt`; domain/camp/queue-counters.ts "Creations"), so no counter shard is written — the
 * check-in shares no document with the period's other check-ins. CloudBase sources for `_.inc` in a transaction and
 * for an update of a missing document: test/emulator/db/transaction-inc.test.ts.
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { databaseTrail } from '../../support/request-trail'
import { ADMIN, at, balanceOf, campOk, checkin, entriesOf, joined, openPeriod } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 10:00')
  period = await openPeriod(h)
  await joined(h, period, ['warm', 'veteran', 'newcomer'])
  // The period is cached per instance (store.ts): the first check-in of the instance reads it, later ones do not.
  expect((await checkin(h, period._id, 'warm')).code).toBe(0)
})
afterAll(() => h.close())

const counted = (run: () => Promise<unknown>) => databaseTrail(h, run)

describe('a check-in with its points', () => {
  it('should take seven database requests for a member who already has points, no balance read and no counter write', async () => {
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
      'database.commitTransaction',
    ])
    expect(trail.length).toBeLessThanOrEqual(7)
    const [award] = (await entriesOf(h, 'veteran')).filter((e) => e.reason === 'checkin')
    expect(await balanceOf(h, 'veteran')).toBe(40 + award.amount)
    expect(await h.emu.db.find('points_balances', { _id: 'veteran' })).toMatchObject([{ version: 2, earned: 40 + award.amount }])
  })

  it('should take seven requests for a member’s very first points too: their balance doc opened with them', async () => {
    const opening = await counted(() => h.ok('identity', { action: 'open', channel: 'search' }, 'fresh'))
    // start, member add, first_open event add, balance read, balance set, commit: once per member's life.
    expect(opening.filter((r) => r.endsWith('points_balances'))).toEqual([
      'database.getDocument points_balances',
      'database.modifyDocument points_balances',
    ])
    expect(await h.emu.db.find('points_balances', { _id: 'fresh' })).toMatchObject([{ balance: 0, earned: 0, spent: 0, version: 0 }])
    await campOk(h, 'join', { periodId: period._id }, 'fresh')
    const trail = await counted(() => checkin(h, period._id, 'fresh'))
    expect(trail).toHaveLength(7)
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
    expect(trail).toHaveLength(8)
    const [award] = (await entriesOf(h, 'newcomer')).filter((e) => e.reason === 'checkin')
    expect(await h.emu.db.find('points_balances', { _id: 'newcomer' })).toMatchObject([
      { balance: award.amount, earned: award.amount, spent: 0, version: 1 },
    ])
  })

  it('should write no counter in a new period either: the backlog counts the check-in from its document', async () => {
    const fresh = await openPeriod(h)
    await joined(h, fresh, ['first-in-period'])
    await h.emu.db.insert('points_balances', [{ _id: 'first-in-period', balance: 0, earned: 0, spent: 0, version: 0, updatedAt: 0 }])
    const trail = await counted(() => checkin(h, fresh._id, 'first-in-period'))
    expect(trail.filter((r) => r.endsWith('queue_counters'))).toEqual([])
    // 7 (the new period's first read by this instance comes on top: the period cache).
    expect(trail.filter((r) => !r.endsWith(' periods'))).toHaveLength(7)
    expect(await h.emu.db.find('queue_counters', { periodId: fresh._id, k: { $gte: 0 } })).toEqual([])
    const [doc] = (await h.emu.db.find('checkins', { periodId: fresh._id })) as { queuedAt?: number; submittedAt: number }[]
    expect(doc.queuedAt).toBe(doc.submittedAt)
  })

  it('should insert no event: the check-in document is the record its event is derived from', async () => {
    expect(await h.emu.db.count('events', { type: 'checkin' })).toBe(0)
  })
})
