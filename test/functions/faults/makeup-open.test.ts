/**
 * Every write of a make-up and of a member's first open fails cleanly (issue #12 item 1; failure shape: platform-facts
 * "errCode -502001 is generic").
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { ADMIN, at, balanceOf, camp, checkin, joined, openPeriod } from '../camp/support'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

/**
 * The member's events, without `checkin`: those are derived from the check-in documents by the layer timer, which the
 * clock jumps of `prepare` fire at moments that differ from run to run (tested in camp/checkin-events.test.ts).
 */
const eventsOf = async (who: string) =>
  ((await h.emu.db.find('events', { memberId: who })) as { type: string }[])
    .map((e) => e.type)
    .filter((t) => t !== 'checkin')
    .sort()

/** Joined on day 1, checked in on days 1 and 2, missed day 3; the clock is on day 4. */
const makeupFlow: FaultFlow<{ who: string; period: AdminPeriodView }> = {
  name: 'make-up',
  async prepare(h, who) {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h)
    await joined(h, period, [who])
    await checkin(h, period._id, who)
    await at(h, '2026-03-03 09:00')
    await checkin(h, period._id, who)
    await at(h, '2026-03-05 09:00')
    return { who, period }
  },
  act: (h, { who, period }) => camp(h, 'makeup', { periodId: period._id, day: '2026-03-04' }, who),
  async outcome(h, { who }) {
    const days = ((await h.emu.db.find('checkins', { memberId: who })) as { day: string }[]).map((c) => c.day).sort()
    const entries = (await h.emu.db.find('points_entries', { memberId: who })) as { reason: string; amount: number }[]
    return {
      days,
      entries: entries.map((e) => `${e.reason}:${e.amount}`).sort(),
      balance: await balanceOf(h, who),
      events: await eventsOf(who),
    }
  },
  replayCodes: ['CAMP.MAKEUP_ALREADY_CHECKED'],
}

const openFlow: FaultFlow<string> = {
  name: 'first-open',
  prepare: async (_h, who) => who,
  act: (h, who) => h.call('identity', { action: 'open' }, who),
  async outcome(h, who) {
    return { members: await h.emu.db.count('members', { _id: who }), events: await eventsOf(who) }
  },
}

describe('make-up under a failed write', () => faultMatrix(makeupFlow, () => h, 4))
describe('first open under a failed write', () => faultMatrix(openFlow, () => h, 2))
