import fc from 'fast-check'
import type { CheckinDoc } from '@cloud/domain/camp'
import {
  buildQueueQuery,
  cursorOf,
  pageQueue,
  summarizeBacklog,
  waitedLabel,
  waitedMinutes,
  type QueueFilter,
  type QueueQuery,
} from '@cloud/domain/review'
import { queueOrder, selectedBy } from './support/queue-oracle'
import { ADMIN, makeCheckin, makePeriod, MEMBER_ACTOR, period, sh, TEACHER, TEACHER2 } from './fixtures'

const now = sh('2026-12-30 12:00')
const other = makePeriod({ _id: 'period2', teacherIds: [TEACHER2._id], cutoffMinutes: 120 })
const today: QueueFilter = { kind: 'pending', day: 'today' }
const queryOf = (filter: QueueFilter, actor = TEACHER, size = 20): QueueQuery => {
  const q = buildQueueQuery(actor, [period, other], filter, now, size)
  if ('ok' in q) throw new Error(q.code)
  return q
}
/** Runs a query the way the database would: filter, order, limit. */
const run = (q: QueueQuery, docs: readonly CheckinDoc[]) =>
  docs
    .filter((c) => selectedBy(q, c))
    .sort(queueOrder)
    .slice(0, q.limit)

describe('buildQueueQuery', () => {
  it("should scope a teacher to today's pending check-ins of their own periods", () => {
    expect(queryOf(today)).toMatchObject({
      // the personal queue: the items dealt to the teacher, then the pool (fair distribution, issue #17 item 2)
      scopes: [
        { periodId: 'period1', day: '2026-12-30', teamIds: null, assigneeId: 'oTeacher_1' },
        { periodId: 'period1', day: '2026-12-30', teamIds: null, assigneeId: null },
      ],
      reviewStatus: 'pending',
      limit: 21,
    })
  })

  it("should use each period's own cut-off for today", () => {
    const q = buildQueueQuery(ADMIN, [period, other], today, sh('2026-12-31 01:00'), 20)
    expect('scopes' in q && q.scopes.map((s) => s.day)).toEqual(['2026-12-31', '2026-12-30'])
  })

  it('should narrow a teacher assigned to teams', () => {
    const teamed = { ...period, teacherTeams: { [TEACHER._id]: ['t1'] } }
    const q = buildQueueQuery(TEACHER, [teamed], today, now, 20)
    expect('scopes' in q && q.scopes[0].teamIds).toEqual(['t1'])
  })

  it('should refuse a period the teacher does not teach', () =>
    expect(buildQueueQuery(TEACHER, [period, other], { ...today, periodId: 'period2' }, now, 20)).toMatchObject({
      code: 'REVIEW.NOT_ASSIGNED',
    }))

  it('should give a member nothing to see', () => expect(queryOf(today, MEMBER_ACTOR).scopes).toEqual([]))

  it('should select flagged content whatever its review status', () =>
    expect(queryOf({ kind: 'flagged', day: 'all' })).toMatchObject({ reviewStatus: null, moderation: 'review', excludeRisky: false }))
})

describe('queue order and paging', () => {
  const day2 = (h: number, memberId: string, over: Partial<CheckinDoc> = {}) =>
    makeCheckin(sh(`2026-12-30 ${String(h).padStart(2, '0')}:00`), over, period, memberId)
  const docs = [
    day2(9, 'm3'),
    day2(7, 'm1'),
    day2(8, 'm2'),
    day2(8, 'm0'),
    day2(10, 'm4', { reviewStatus: 'reviewed' }),
    day2(6, 'm5', { moderation: 'risky' }),
  ]

  it('should list the oldest first and skip reviewed and rejected content', () => {
    expect(run(queryOf(today), docs).map((c) => c.memberId)).toEqual(['m1', 'm0', 'm2', 'm3'])
  })

  it('should show a returned check-in under the returned filter only', () => {
    const back = day2(11, 'm6', { reviewStatus: 'returned' })
    expect(run(queryOf({ kind: 'returned', day: 'all' }), [...docs, back]).map((c) => c.memberId)).toEqual(['m6'])
    expect(run(queryOf(today), [back])).toEqual([])
  })

  it('should page with a cursor and never repeat an item', () => {
    const q = queryOf(today, TEACHER, 2)
    const first = pageQueue(run(q, docs), q)
    const second = pageQueue(run({ ...q, after: first.next }, docs), q)
    expect([...first.items, ...second.items].map((c) => c.memberId)).toEqual(['m1', 'm0', 'm2', 'm3'])
    expect(second.next).toBeNull()
  })

  it('should make "next" the item right after the current one in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 15 }), (specs) => {
        const all = specs.map(([minute, pending], i) =>
          makeCheckin(sh('2026-12-30 08:00') + minute * 60_000, { reviewStatus: pending ? 'pending' : 'reviewed' }, period, `m${i}`),
        )
        const q = queryOf(today)
        const ordered = run({ ...q, limit: 100 }, all)
        // The query services/review/next.ts builds: the same filter, one item, strictly after the current one.
        const nextOf = (current: CheckinDoc) => {
          const next = buildQueueQuery(TEACHER, [period, other], today, now, 1, cursorOf(current))
          if ('ok' in next) throw new Error(next.code)
          return run(next, all)[0]?._id
        }
        ordered.forEach((current, i) => expect(nextOf(current)).toBe(ordered[i + 1]?._id))
      }),
    )
  })
})

describe('waiting time and counts', () => {
  it('should count whole minutes since submission', () => expect(waitedMinutes(makeCheckin(sh('2026-12-30 10:30')), now)).toBe(90))

  it('should restart the wait when a redo comes in', () => {
    const redo = makeCheckin(sh('2026-12-29 08:00'), { redoCount: 1, editedAt: sh('2026-12-30 11:55') })
    expect(waitedMinutes(redo, now)).toBe(5)
  })

  it('should label waits in Chinese', () => {
    expect([0, 12, 125, 60 * 27].map(waitedLabel)).toEqual(['刚刚', '12 分钟', '2 小时 5 分', '1 天 3 小时'])
  })

  it('should count the backlog per period and day', () => {
    const s = summarizeBacklog([
      { periodId: 'p2', day: '2026-12-30', count: 2 },
      { periodId: 'p1', day: '2026-12-30', count: 3 },
      { periodId: 'p1', day: '2026-12-29', count: 1 },
      { periodId: 'p1', day: '2026-12-28', count: 0 },
    ])
    expect(s).toEqual({
      total: 6,
      byPeriod: [
        { periodId: 'p1', count: 4 },
        { periodId: 'p2', count: 2 },
      ],
      byDay: [
        { day: '2026-12-29', count: 1 },
        { day: '2026-12-30', count: 5 },
      ],
      byPeriodDay: [
        { periodId: 'p1', day: '2026-12-29', count: 1 },
        { periodId: 'p1', day: '2026-12-30', count: 3 },
        { periodId: 'p2', day: '2026-12-30', count: 2 },
      ],
    })
  })
})
