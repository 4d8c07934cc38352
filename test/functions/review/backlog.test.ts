/**
 * A period whose check-ins predate its backlog counters is recounted by a `$group` that must answer every (day, team)
 * group. In a cloud function an aggregate without a limit stage answers at most 20 documents (community reports;
 * platform-facts.md "Aggregate default limit"), and the emulator does the same, so a period with 25 days waiting lost
 * 5 of them before the group was paged with an explicit limit. Once recounted, the backlog is one counter read.
 */
import { checkinId } from '../../../cloudfunctions/src/domain/camp'
import { backlogOf } from '../../../cloudfunctions/src/services/review/queue'
import { loadStaff, periodsOf } from '../../../cloudfunctions/src/services/review/store'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { recordRequests } from '../../support/request-trail'
import { at, dropQueueCounters, LI, periodWithSubmissions, reviewOk, today } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

/** One real submission plus copies of it on `days - 1` earlier days, all pending, from before the counters: `days` groups of one. */
async function pendingOnDays(member: string, days: number): Promise<string> {
  const { period } = await periodWithSubmissions(h, [member])
  const [first] = (await h.emu.db.find('checkins', { _id: checkinId(period._id, today(h), member) })) as { _id: string }[]
  const copies = Array.from({ length: days - 1 }, (_, i) => {
    const day = `2026-01-${String(i + 1).padStart(2, '0')}`
    return { ...first, _id: checkinId(period._id, day, member), day }
  })
  await h.emu.db.insert('checkins', copies)
  await dropQueueCounters(h, period._id)
  return period._id
}

describe('review backlog', () => {
  it('should count every day of a backlog longer than 20 days', async () => {
    const periodId = await pendingOnDays('bl-long', 25)

    const page = await reviewOk(h, 'queue', { periodId }, LI)

    const mine = page.backlog?.byPeriodDay.filter((g) => g.periodId === periodId) ?? []
    expect(mine).toHaveLength(25)
    expect(mine.reduce((n, g) => n + g.count, 0)).toBe(25)
  })

  it('should page the groups so every one is counted once, whatever the page size', async () => {
    const periodId = await pendingOnDays('bl-paged', 23)
    const actor = await loadStaff(LI)
    if ('ok' in actor) throw new Error('李老师 should be staff')
    const periods = (await periodsOf(actor)).filter((p) => p._id === periodId)

    const { result: summary, trail } = await recordRequests(h, () => backlogOf(actor, periods, 10))

    expect(summary.byPeriodDay).toHaveLength(23)
    expect(summary.total).toBe(23)
    expect(new Set(summary.byPeriodDay.map((g) => g.day)).size).toBe(23)
    // Three pages of the backlog's 23 groups, and the creations (none here: all predate the counters) read before and after.
    expect(trail.filter((r) => r.action === 'database.aggregateDocuments')).toHaveLength(3 + 2)

    // Recounted once: the next read is the period's shards by id and the creations' `$group`, with the same answer.
    const again = await recordRequests(h, () => backlogOf(actor, periods, 10))
    expect(again.result).toEqual(summary)
    expect(again.trail.map((r) => `${r.action} ${r.collection}`)).toEqual([
      'database.getDocument queue_counters',
      'database.aggregateDocuments checkins',
    ])
  })
})
