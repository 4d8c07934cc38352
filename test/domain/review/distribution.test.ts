import {
  assignableOf,
  assignNew,
  AWAY_AFTER_MS,
  bindMoves,
  checkSubmit,
  claim,
  isAway,
  LEASE_MS,
  leastLoaded,
  markAbsent,
  mayReceive,
  noPresence,
  planRebalance,
  reassign,
  receivers,
  touchPresence,
  UNASSIGNED,
  type Assignable,
  type Presence,
} from '@cloud/domain/review'
import { sh } from './fixtures'

const now = sh('2026-12-29 10:00')
const presence = (teacherId: string, over: Partial<Presence> = {}): Presence => ({
  _id: teacherId,
  teacherId,
  lastActiveAt: now,
  absent: false,
  holding: null,
  ...over,
})
const item = (over: Partial<Assignable> = {}): Assignable => ({
  _id: 'checkin:p1:2026-12-29:m1',
  submittedAt: now - 60_000,
  reviewStatus: 'pending',
  moderation: 'pass',
  assigneeId: 'tA',
  lease: null,
  pinned: false,
  ...over,
})
const [A, B, C] = [presence('tA'), presence('tB'), presence('tC')]

describe('assignment by load', () => {
  it('should give a new submission to the present teacher with the smallest backlog', () => {
    expect(assignNew('c1', { tA: 3, tB: 2, tC: 5 }, [A, B, C], now)).toBe('tB')
    expect(assignNew('c1', { tA: 3, tB: 2 }, [A, B, C], now)).toBe('tC')
  })

  it('should skip away teachers, and fall back to everyone not marked absent when nobody is present', () => {
    const idle = presence('tB', { lastActiveAt: now - AWAY_AFTER_MS })
    expect(assignNew('c1', { tA: 9, tB: 0 }, [A, idle], now)).toBe('tA')
    expect(receivers([presence('tA', { lastActiveAt: 0 }), presence('tB', { lastActiveAt: 0, absent: true })], now)).toEqual(['tA'])
    expect(assignNew('c1', {}, [presence('tA', { absent: true })], now)).toBeNull()
  })

  it('should spread ties over the tied teachers', () => {
    const picks = new Set(Array.from({ length: 50 }, (_, i) => assignNew(`c${i}`, { tA: 1, tB: 1, tC: 1 }, [A, B, C], now)))
    expect(picks).toEqual(new Set(['tA', 'tB', 'tC']))
  })

  it('should count a teacher away exactly AWAY_AFTER_MS after their last activity', () => {
    expect(isAway(presence('tA', { lastActiveAt: now - AWAY_AFTER_MS + 1 }), now)).toBe(false)
    expect(isAway(presence('tA', { lastActiveAt: now - AWAY_AFTER_MS }), now)).toBe(true)
  })
})

describe('leases', () => {
  it('should lease an own item, and keep a second teacher out until it expires', () => {
    const first = claim(item(), A, A, now)
    if (!first.ok) throw new Error(first.code)
    expect(first.item.lease).toEqual({ holder: 'tA', until: now + LEASE_MS })
    const away = presence('tA', { absent: true })
    expect(claim(first.item, B, away, now + LEASE_MS - 1)).toMatchObject({ code: 'REVIEW.LEASED' })
    expect(claim(first.item, B, away, now + LEASE_MS)).toMatchObject({ ok: true, moved: { from: 'tA', to: 'tB' } })
  })

  it("should refuse a present colleague's item, and release the teacher's previous lease", () => {
    expect(claim(item(), B, A, now)).toMatchObject({ code: 'REVIEW.NOT_YOURS' })
    const r = claim(item({ assigneeId: 'tB' }), presence('tB', { holding: 'checkin:other' }), B, now)
    expect(r).toMatchObject({ ok: true, release: 'checkin:other', presence: { holding: 'checkin:p1:2026-12-29:m1' } })
  })

  it('should refuse what no longer waits', () => {
    expect(claim(item({ reviewStatus: 'reviewed' }), A, A, now)).toMatchObject({ code: 'REVIEW.NOT_WAITING' })
    expect(checkSubmit(item({ moderation: 'risky' }), 'tA', now)).toMatchObject({ code: 'REVIEW.NOT_WAITING' })
  })

  it('should let the lease holder submit, or the assignee when nobody holds a live lease', () => {
    const leased = item({ lease: { holder: 'tB', until: now + 1 } })
    expect(checkSubmit(leased, 'tB', now)).toBeNull()
    expect(checkSubmit(leased, 'tA', now)).toMatchObject({ code: 'REVIEW.LEASED' })
    expect(checkSubmit(leased, 'tA', now + 1)).toBeNull()
    expect(checkSubmit(item(), 'tC', now)).toMatchObject({ code: 'REVIEW.NOT_YOURS' })
  })

  it('should write presence only when something changed or it is stale', () => {
    expect(touchPresence(A, now + 60_000)).toBeNull()
    expect(touchPresence(A, now + 5 * 60_000)).toMatchObject({ lastActiveAt: now + 5 * 60_000 })
    expect(touchPresence(presence('tA', { absent: true }), now)).toMatchObject({ absent: false })
    expect(markAbsent(A, true, now)).toMatchObject({ absent: true })
  })
})

describe('rebalancing', () => {
  it('should even out present teachers to within 1 with the fewest moves', () => {
    const moves = planRebalance([
      { teacherId: 'tA', backlog: 10, movable: 9, away: false },
      { teacherId: 'tB', backlog: 2, movable: 2, away: false },
      { teacherId: 'tC', backlog: 6, movable: 6, away: false },
    ])
    expect(moves).toEqual([{ from: 'tA', to: 'tB', count: 4 }])
  })

  it('should hand every movable item of away teachers and of the unassigned pool to present ones', () => {
    const moves = planRebalance([
      { teacherId: 'tA', backlog: 1, movable: 1, away: false },
      { teacherId: 'tB', backlog: 0, movable: 0, away: false },
      { teacherId: 'tC', backlog: 5, movable: 4, away: true },
      { teacherId: UNASSIGNED, backlog: 2, movable: 2, away: true },
    ])
    const given = (from: string) => moves.filter((m) => m.from === from).reduce((n, m) => n + m.count, 0)
    expect(given('tC')).toBe(4)
    expect(given(UNASSIGNED)).toBe(2)
    const received = (to: string) => moves.filter((m) => m.to === to).reduce((n, m) => n + m.count, 0)
    expect([1 + received('tA'), received('tB')]).toEqual([4, 3])
  })

  it('should never move leased or pinned items, and deal a donor’s items to its moves once each', () => {
    const items = [
      item({ _id: 'c1', submittedAt: 1 }),
      item({ _id: 'c2', submittedAt: 2, lease: { holder: 'tA', until: now + 1 } }),
      item({ _id: 'c3', submittedAt: 3, pinned: true }),
      item({ _id: 'c4', submittedAt: 4 }),
      item({ _id: 'c5', submittedAt: 5 }),
    ]
    const bound = bindMoves(
      [
        { from: 'tA', to: 'tB', count: 1 },
        { from: 'tA', to: 'tC', count: 2 },
      ],
      items,
      now,
    )
    expect(bound.map((b) => [b.item._id, b.to])).toEqual([
      ['c1', 'tB'],
      ['c4', 'tC'],
      ['c5', 'tC'],
    ])
  })
})

describe('operator reassignment', () => {
  it('should pin an item with the chosen teacher, refusing a live lease unless forced', () => {
    const leased = item({ lease: { holder: 'tA', until: now + 1 } })
    expect(reassign(leased, 'tB', now)).toMatchObject({ code: 'REVIEW.LEASED' })
    expect(reassign(leased, 'tB', now, true)).toMatchObject({ assigneeId: 'tB', lease: null, pinned: true })
    expect(reassign(item(), 'tC', now)).toMatchObject({ assigneeId: 'tC', pinned: true })
    expect(reassign(item({ reviewStatus: 'reviewed' }), 'tC', now)).toMatchObject({ code: 'REVIEW.NOT_WAITING' })
  })
})

describe("dealing on the teachers' side (issue #17 item 2)", () => {
  it("should let a teacher submit a pool item or an away teacher's item nobody leases, never a present one's", () => {
    expect(checkSubmit(item({ assigneeId: null }), 'tC', now)).toBeNull()
    expect(checkSubmit(item(), 'tC', now, true)).toBeNull()
    expect(checkSubmit(item(), 'tC', now, false)).toMatchObject({ code: 'REVIEW.NOT_YOURS' })
    expect(checkSubmit(item({ assigneeId: null, lease: { holder: 'tA', until: now + 1 } }), 'tC', now)).toMatchObject({
      code: 'REVIEW.LEASED',
    })
  })

  it('should read a check-in written before distribution as a pool item with no lease', () => {
    const { assigneeId: _a, lease: _l, pinned: _p, ...old } = item()
    expect(assignableOf(old)).toMatchObject({ assigneeId: null, lease: null, pinned: false })
    expect(isAway(noPresence('tA'), now)).toBe(true)
  })

  it("should deal only within a teacher's team scope, to the least loaded", () => {
    const period = { teacherIds: ['tA', 'tB'], teacherTeams: { tB: ['red'] } }
    expect(mayReceive(period, 'tA', null)).toBe(true)
    expect(mayReceive(period, 'tB', null)).toBe(false)
    expect(mayReceive(period, 'tB', 'red')).toBe(true)
    expect(mayReceive(period, 'tC', 'red')).toBe(false)
    expect(leastLoaded('c1', ['tA', 'tB'], { tA: 3, tB: 1 })).toBe('tB')
    expect(leastLoaded('c1', [], {})).toBeNull()
  })
})
