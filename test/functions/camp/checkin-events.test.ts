/**
 * The `checkin` event is derived from the committed check-in document (services/tracking/checkin-events.ts) instead
 * of being inserted by the check-in's transaction (issue #12 items 7 and 9): exactly one event per committed check-in,
 * none for a make-up (it has its own) or a check-in that did not commit, nothing new on a re-run, and a failed insert
 * leaves the cursor behind it so the next run derives it. Every consumer still sees the check-in: invites settle
 * (settle.test.ts), day stats, and the layer timer.
 */
import { checkinReads } from '../../../cloudfunctions/src/services/camp/analytics-reads'
import { deriveCheckinEvents, CHECKIN_EVENTS_CURSOR } from '../../../cloudfunctions/src/services/tracking/checkin-events'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { rollup } from '../analytics/support'
import { ADMIN, at, checkin, joined, openPeriod, updateDoc } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 10:00')
  period = await openPeriod(h)
  await joined(h, period, ['ev-a', 'ev-b', 'ev-c'])
})
afterAll(() => h.close())

const checkinEvents = (memberId?: string) =>
  h.emu.db.find('events', { type: 'checkin', ...(memberId ? { memberId } : {}) }) as Promise<
    { _id: string; memberId: string; at: number; day: string; props: Record<string, unknown> }[]
  >

describe('check-in events derived from committed check-ins', () => {
  it('should derive exactly one keyed event per check-in, with its facts, and nothing on a re-run', async () => {
    expect((await checkin(h, period._id, 'ev-a')).code).toBe(0)
    expect((await checkin(h, period._id, 'ev-a')).code).toBe('CAMP.ALREADY_CHECKED_IN')
    expect(await checkinEvents('ev-a')).toEqual([])
    const now = h.emu.clock.now()
    expect(await deriveCheckinEvents(checkinReads, now, now)).toBe(1)
    const [event] = await checkinEvents('ev-a')
    const [doc] = (await h.emu.db.find('checkins', { memberId: 'ev-a' })) as { _id: string; submittedAt: number; points: number }[]
    expect(event).toMatchObject({ _id: doc._id, memberId: 'ev-a', at: doc.submittedAt, day: '2026-03-02' })
    expect(event.props).toMatchObject({ dayIndex: 1, fromGroup: false, text: true, images: 0, voice: false, points: doc.points })
    expect(await deriveCheckinEvents(checkinReads, now, now)).toBe(0)
    // A lost cursor replays from the start: still one event.
    await updateDoc(h, 'sys_meta', CHECKIN_EVENTS_CURSOR, { at: 0, checkinId: '' })
    expect(await deriveCheckinEvents(checkinReads, now, now)).toBe(0)
    expect(await checkinEvents('ev-a')).toHaveLength(1)
  })

  it('should leave check-ins newer than the horizon for a later run', async () => {
    expect((await checkin(h, period._id, 'ev-b')).code).toBe(0)
    const now = h.emu.clock.now()
    expect(await deriveCheckinEvents(checkinReads, now - 60_000, now)).toBe(0)
    expect(await deriveCheckinEvents(checkinReads, now, now)).toBe(1)
  })

  it('should not pass a check-in whose event insert failed: the next run derives it', async () => {
    expect((await checkin(h, period._id, 'ev-c')).code).toBe(0)
    const now = h.emu.clock.now()
    h.emu.faults.failNext({ action: 'database.insertDocument', collection: 'events' })
    await expect(deriveCheckinEvents(checkinReads, now, now)).rejects.toBeTruthy()
    h.emu.faults.clear()
    expect(await checkinEvents('ev-c')).toEqual([])
    expect(await deriveCheckinEvents(checkinReads, now, now)).toBe(1)
    expect(await checkinEvents('ev-c')).toHaveLength(1)
  })

  it('should lift the member to L3 in the layer timer and count the check-in in the day stats', async () => {
    await at(h, '2026-03-02 10:30')
    await rollup(h)
    const [layer] = (await h.emu.db.find('member_layers', { _id: 'ev-a' })) as { layer: string }[]
    expect(layer).toMatchObject({ layer: 'L3' })
    const stats = (await h.emu.db.find('period_day_stats', { periodId: period._id, day: '2026-03-02' })) as { checkedIn: number }[]
    expect(stats).toMatchObject([{ checkedIn: 3 }])
  })
})
