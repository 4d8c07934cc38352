/**
 * Fair distribution under a failed write (issue #17 item 2, the issue #12 fault matrix): every write of a deal, a claim
 * (opening an item) and a reassignment fails in turn with CloudBase's generic database failure (platform-facts
 * "errCode -502001 is generic"): the answer is SYS.*, nothing changed half-way (the per-teacher counters agree with the
 * items), and a retry succeeds once. The clock is frozen, so the minute timer never deals under the matrix's feet.
 */
import { checkinId } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { checkin, joined, openPeriod } from '../camp/support'
import { countersAgainstItems, itemOf, OPERATOR, threeTeachers } from './distribution-support'
import { at, LI, review, today, WANG } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await threeTeachers(h)
  await at(h, '2026-03-02 10:00', { frozen: true })
})
afterAll(() => h.close())

interface Ctx {
  periodId: string
  checkinId: string
}

/** A period of 李老师 and 王老师 with `who`'s one submission, in the pool (no clock move: no timer deal). */
async function pooledItem(h: FunctionsHarness, who: string): Promise<Ctx> {
  const period = await openPeriod(h, { teacherIds: [LI, WANG] })
  await joined(h, period, [who])
  const res = await checkin(h, period._id, who, { text: `${who} 的打卡` })
  if (res.code !== 0) throw new Error(JSON.stringify(res))
  return { periodId: period._id, checkinId: checkinId(period._id, today(h), who) }
}

/** What a flow leaves: where the item is, and whether the counters agree with the items. */
async function placed(h: FunctionsHarness, { periodId, checkinId: id }: Ctx) {
  const c = await itemOf(h, id)
  const check = await countersAgainstItems(h, periodId)
  return {
    assignee: c.assigneeId ?? null,
    holder: c.lease?.holder ?? null,
    pinned: c.pinned ?? false,
    countersAgree: JSON.stringify(check.counters) === JSON.stringify(check.items),
  }
}

const dealFlow: FaultFlow<Ctx> = {
  name: 'deal',
  prepare: pooledItem,
  act: (h, { periodId }) => review(h, 'rebalance', { periodId }, OPERATOR),
  // Which of the two gets it hangs on the item's id (the tie-break): the outcome is that someone of the period does.
  outcome: async (h, ctx) => {
    const { assignee, ...rest } = await placed(h, ctx)
    return { ...rest, dealt: assignee === LI || assignee === WANG }
  },
}

const claimFlow: FaultFlow<Ctx> = {
  name: 'claim',
  prepare: pooledItem,
  act: (h, { checkinId: id }) => review(h, 'open', { checkinId: id }, LI),
  outcome: placed,
}

const reassignFlow: FaultFlow<Ctx> = {
  name: 'reassign',
  prepare: pooledItem,
  act: (h, { checkinId: id }) => review(h, 'reassign', { checkinId: id, teacherId: WANG }, OPERATOR),
  outcome: placed,
}

describe('a deal under a failed write', () => faultMatrix(dealFlow, () => h, 3))
describe('a claim under a failed write', () => faultMatrix(claimFlow, () => h, 4))
describe('a reassignment under a failed write', () => faultMatrix(reassignFlow, () => h, 3))
