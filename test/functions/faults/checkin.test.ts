/**
 * Every write of a check-in and of a reminder subscription fails cleanly (issue #12 item 1). Source for the failure
 * shape: platform-facts "errCode -502001 is generic" — wx-server-sdk maps DATABASE_REQUEST_FAILED to -502001 and only a
 * duplicate key carries E11000 in its message; the fault injector answers exactly that generic failure.
 */
import { REMINDER_TEMPLATE_ID } from '../../../cloudfunctions/src/contracts/camp'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { ADMIN, at, balanceOf, camp, checkin, joined, openPeriod } from '../camp/support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 10:00')
  period = await openPeriod(h)
})
afterAll(() => h.close())

const eventsOf = async (who: string) => ((await h.emu.db.find('events', { memberId: who })) as { type: string }[]).map((e) => e.type).sort()

const checkinFlow: FaultFlow<string> = {
  name: 'check-in',
  async prepare(h, who) {
    await joined(h, period, [who])
    return who
  },
  act: (h, who) => checkin(h, period._id, who),
  async outcome(h, who) {
    const checkins = (await h.emu.db.find('checkins', { memberId: who })) as { day: string; points: number }[]
    const entries = (await h.emu.db.find('points_entries', { memberId: who })) as { reason: string; amount: number }[]
    return {
      checkins: checkins.map((c) => `${c.day}:${c.points}`),
      entries: entries.map((e) => `${e.reason}:${e.amount}`).sort(),
      balance: await balanceOf(h, who),
      events: await eventsOf(who),
    }
  },
  replayCodes: ['CAMP.ALREADY_CHECKED_IN'],
}

/** The same check-in for a member who already has points: the award is one `_.inc` update of an existing balance doc. */
const checkinWithPointsFlow: FaultFlow<string> = {
  ...checkinFlow,
  name: 'check-in-with-points',
  async prepare(h, who) {
    await joined(h, period, [who])
    await h.emu.db.insert('points_balances', [{ _id: who, balance: 30, earned: 30, spent: 0, version: 1, updatedAt: 0 }])
    await h.emu.db.insert('points_entries', [{ _id: `adjust:${who}-start`, memberId: who, amount: 30, reason: 'adjust', at: 0 }])
    return who
  },
}

const subscribeFlow: FaultFlow<string> = {
  name: 'subscribe',
  async prepare(h, who) {
    await joined(h, period, [who])
    return who
  },
  act: (h, who) => camp(h, 'subscribed', { periodId: period._id, accepted: [REMINDER_TEMPLATE_ID], requestId: `prompt-${who}` }, who),
  async outcome(h, who) {
    const [e] = (await h.emu.db.find('enrollments', { memberId: who })) as { reminderCredits?: number }[]
    return { credits: e?.reminderCredits ?? 0, events: await eventsOf(who) }
  },
}

describe('check-in under a failed write', () => faultMatrix(checkinFlow, () => h, 4))
describe('check-in of a member with points under a failed write', () => faultMatrix(checkinWithPointsFlow, () => h, 4))
describe('reminder subscription under a failed write', () => faultMatrix(subscribeFlow, () => h, 2))
