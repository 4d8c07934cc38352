/**
 * The SLA dashboard (issue #17 item 3, 批改时效) through the emulator: reviews submitted at controlled times on the
 * frozen clock, then `sla` / `slaAll` read their p50 / p90 (histogram lower edges: the waits here are edges, so exact),
 * reviews per hour, the backlog by age (a redo waits from its resubmission) and the oldest waiting item — who sees
 * what, and no openid in any answer.
 */
import type { SlaView } from '../../../cloudfunctions/src/contracts/review-views'
import { checkinId } from '../../../cloudfunctions/src/domain/camp'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { LATENCY_EDGES } from '../../../cloudfunctions/src/domain/review'
import { waitingCheckins } from '../../../cloudfunctions/src/services/review/sla'
import { loadStaff, periodsOf } from '../../../cloudfunctions/src/services/review/store'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { countDatabaseRequests } from '../../support/request-trail'
import { sh } from '../camp/support'
import { at, ensureMember, LI, OUTSIDER_TEACHER, periodWithSubmissions, review, reviewOk, WANG, handTo } from './support'

let h: FunctionsHarness
const ADMIN = 'sla-admin'
const MEMBERS = ['sla-a', 'sla-b', 'sla-c', 'sla-d', 'sla-e']
let periodId = ''
let ids: string[] = []

/** Copies of sla-e's waiting check-in on other days, with other submission (and redo) times. */
async function waitingCopies(): Promise<void> {
  const [e] = (await h.emu.db.find('checkins', { _id: ids[4] })) as Record<string, unknown>[]
  const copy = (day: string, fields: Record<string, unknown>) => ({ ...e, _id: checkinId(periodId, day, 'sla-e'), day, ...fields })
  await h.emu.db.insert('checkins', [
    copy('2026-02-25', { submittedAt: sh('2026-03-02 11:00') }), // 1 h
    copy('2026-02-26', { submittedAt: sh('2026-03-02 10:00') }), // exactly 2 h: 2–6 h
    copy('2026-03-01', { submittedAt: sh('2026-03-01 20:00') }), // 16 h
    copy('2026-02-28', { submittedAt: sh('2026-02-28 09:00') }), // 51 h: the oldest waiting
    // submitted first of all, but resubmitted after a redo 30 minutes ago: it waits from then
    copy('2026-02-27', { submittedAt: sh('2026-02-27 09:00'), redoCount: 1, editedAt: sh('2026-03-02 11:30') }),
    // not waiting: rejected content, and one returned for redo
    copy('2026-02-24', { submittedAt: sh('2026-02-24 09:00'), moderation: 'risky' }),
    copy('2026-02-23', { submittedAt: sh('2026-02-23 09:00'), reviewStatus: 'returned' }),
  ])
}

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await ensureMember(h, ADMIN, ['admin'])
  await ensureMember(h, 'sla-member')
  await at(h, '2026-03-02 08:00', { frozen: true })
  const made = await periodWithSubmissions(h, MEMBERS) // 08:00, 08:01, … 08:04
  periodId = made.period._id
  ids = made.ids
  // 李老师 waits 5, 8 and 62 minutes (two reviews in hour 08, one in 09); 王老师 105 minutes.
  for (const [local, i, teacher] of [
    ['2026-03-02 08:05', 0, LI],
    ['2026-03-02 08:09', 1, LI],
    ['2026-03-02 09:04', 2, LI],
    ['2026-03-02 09:48', 3, WANG],
  ] as const) {
    await at(h, local, { frozen: true })
    if (teacher === WANG) await handTo(h, ids[i], WANG) // 李老师 holds them all (support.ts)
    await reviewOk(h, 'submitReview', { checkinId: ids[i], comment: '很好' }, teacher)
  }
  await waitingCopies()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 12:00', { frozen: true }))

const noOpenids = (answer: unknown) => {
  const text = JSON.stringify(answer)
  for (const openid of [LI, WANG, OUTSIDER_TEACHER, ADMIN, ...MEMBERS]) expect(text).not.toContain(openid)
}
const teacherRow = (v: SlaView, openid: string) => v.teachers.find((t) => t.teacher.id === publicIdOf(openid))

describe('time to review', () => {
  it('should answer the teacher’s own p50 / p90 and reviews per hour over the last 7 days', async () => {
    expect([5, 8, 62, 105].every((m) => LATENCY_EDGES.includes(m))).toBe(true)
    const mine = await reviewOk(h, 'sla', {}, LI)

    expect(mine).toMatchObject({ scope: 'mine', from: '2026-02-24', to: '2026-03-02', nextPage: null })
    expect(mine.teachers).toEqual([
      { teacher: { id: publicIdOf(LI), name: '李老师' }, reviewed: 3, p50Minutes: 8, p90Minutes: 62, perActiveHour: 1.5 },
    ])
    expect(mine.total).toEqual({ reviewed: 3, p50Minutes: 8, p90Minutes: 62, perActiveHour: 1.5 })
    expect(mine.hourly.filter((x) => x.reviewed > 0)).toEqual([
      { hour: 8, reviewed: 2 },
      { hour: 9, reviewed: 1 },
    ])
    expect(mine.byDay).toHaveLength(7)
    expect(mine.byDay.find((d) => d.day === '2026-03-02')).toMatchObject({ reviewed: 3, p50Minutes: 8, p90Minutes: 62 })
    expect(mine.byDay.filter((d) => d.day !== '2026-03-02').every((d) => d.reviewed === 0 && d.p50Minutes === null)).toBe(true)
    noOpenids(mine)
  })

  it('should show another teacher only their own reviews', async () => {
    const wang = await reviewOk(h, 'sla', {}, WANG)
    expect(wang.teachers).toEqual([expect.objectContaining({ teacher: { id: publicIdOf(WANG), name: '王老师' }, reviewed: 1 })])
    expect(wang.total).toMatchObject({ reviewed: 1, p50Minutes: 105, p90Minutes: 105, perActiveHour: 1 })
    expect(wang.hourly[9].reviewed).toBe(1)
  })

  it('should show operators every teacher, those without reviews too, and the day over all of them', async () => {
    const all = await reviewOk(h, 'slaAll', {}, ADMIN)

    expect(all.scope).toBe('all')
    expect(teacherRow(all, LI)).toMatchObject({ reviewed: 3, p50Minutes: 8, p90Minutes: 62 })
    expect(teacherRow(all, WANG)).toMatchObject({ reviewed: 1, p50Minutes: 105 })
    expect(teacherRow(all, OUTSIDER_TEACHER)).toMatchObject({ teacher: { name: '赵老师' }, reviewed: 0, p50Minutes: null })
    expect(all.teachers[0].teacher.name).toBe('李老师')
    // waits 5, 8, 62, 105: nearest rank 2 of 4 and 4 of 4
    expect(all.total).toMatchObject({ reviewed: 4, p50Minutes: 8, p90Minutes: 105 })
    expect(all.byDay.find((d) => d.day === '2026-03-02')).toMatchObject({ reviewed: 4, p50Minutes: 8, p90Minutes: 105 })
    expect(all.hourly[8].reviewed + all.hourly[9].reviewed).toBe(4)
    noOpenids(all)
  })

  it('should read a chosen range and refuse a reversed or longer than 31-day one', async () => {
    const before = await reviewOk(h, 'sla', { from: '2026-02-20', to: '2026-03-01' }, LI)
    expect(before).toMatchObject({ from: '2026-02-20', to: '2026-03-01', total: { reviewed: 0, p50Minutes: null } })
    expect(before.byDay).toHaveLength(10)
    expect(await review(h, 'sla', { from: '2026-03-02', to: '2026-03-01' }, LI)).toMatchObject({ code: 'REVIEW.SLA_RANGE' })
    expect(await review(h, 'slaAll', { from: '2026-01-30', to: '2026-03-02' }, ADMIN)).toMatchObject({ code: 'REVIEW.SLA_RANGE' })
    expect((await reviewOk(h, 'sla', { from: '2026-01-31', to: '2026-03-02' }, LI)).byDay).toHaveLength(31)
  })

  it('should count the last N days back from today (the page’s 近 14 / 30 天), at most 31', async () => {
    expect(await reviewOk(h, 'sla', { lastDays: 14 }, LI)).toMatchObject({ from: '2026-02-17', to: '2026-03-02' })
    expect((await reviewOk(h, 'slaAll', { lastDays: 30 }, ADMIN)).byDay).toHaveLength(30)
    expect(await review(h, 'sla', { lastDays: 32 }, LI)).toMatchObject({ code: 'REQUEST.INVALID' })
    expect(await review(h, 'sla', { lastDays: 0 }, LI)).toMatchObject({ code: 'REQUEST.INVALID' })
  })
})

describe('backlog by age', () => {
  it('should count the waiting items by age since they entered the queue and name the oldest', async () => {
    const mine = await reviewOk(h, 'sla', {}, LI)

    expect(mine.backlog).toEqual({
      waiting: 6,
      capped: false,
      ages: [
        { key: 'lt2h', label: '2 小时内', count: 2 },
        { key: 'h2to6', label: '2–6 小时', count: 2 },
        { key: 'h6to24', label: '6–24 小时', count: 1 },
        { key: 'gt24h', label: '超过 24 小时', count: 1 },
      ],
      oldest: {
        periodId,
        periodTitle: expect.stringContaining('第 1 期'),
        day: '2026-02-28',
        queuedAt: sh('2026-02-28 09:00'),
        waitedMinutes: 51 * 60,
        waitedLabel: '2 天 3 小时',
        redo: false,
      },
    })
    expect((await reviewOk(h, 'slaAll', {}, ADMIN)).backlog).toEqual(mine.backlog)
  })

  it('should show a teacher of no period no backlog', async () => {
    const other = await reviewOk(h, 'sla', {}, OUTSIDER_TEACHER)
    expect(other.backlog).toMatchObject({ waiting: 0, capped: false, oldest: null })
    expect(other.total.reviewed).toBe(0)
  })

  it('should stop at the cap, oldest submissions first, and say so', async () => {
    const actor = await loadStaff(LI)
    if ('ok' in actor) throw new Error('李老师 should be staff')
    const periods = await periodsOf(actor)

    const capped = await waitingCheckins(actor, periods, 3)
    expect(capped.capped).toBe(true)
    expect(capped.items.map((c) => c.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(await waitingCheckins(actor, periods, 6)).toMatchObject({ capped: true })
    expect(await waitingCheckins(actor, periods, 7)).toMatchObject({ capped: false })
  })

  it('should read each period’s waiting items as an ordered walk of the queue’s index', () => {
    const sort = { submittedAt: 1 } as const
    const waiting = { periodId, reviewStatus: 'pending', moderation: { $ne: 'risky' } }
    for (const criteria of [waiting, { ...waiting, teamId: { $in: ['t1', 't2'] } }])
      expect(h.emu.db.explain('checkins', criteria, { sort, limit: 1000 })).toMatchObject({
        mode: 'ordered',
        index: 'period_review_submitted',
        prefix: ['periodId', 'reviewStatus'],
      })
  })

  it('should cost one request per period for the backlog, one for the stats documents', async () => {
    const { requests } = await countDatabaseRequests(h, () => reviewOk(h, 'sla', {}, LI))
    // member, stats byIds, periods, camps, one period's waiting items
    expect(requests).toBe(5)
  })
})

describe('who may read it', () => {
  it('should refuse members who are not teachers, and teachers the operators’ view', async () => {
    expect(await review(h, 'sla', {}, 'sla-member')).toMatchObject({ code: 'REVIEW.NOT_TEACHER' })
    expect(await review(h, 'slaAll', {}, 'sla-member')).toMatchObject({ code: 'REVIEW.NOT_TEACHER' })
    expect(await review(h, 'slaAll', {}, LI)).toMatchObject({ code: 'REVIEW.NOT_TEACHER' })
  })

  it('should name teachers in the day stats by handle, never by openid', async () => {
    const mine = await reviewOk(h, 'stats', {}, LI)
    expect(mine.teacher.id).toBe(publicIdOf(LI))
    noOpenids(mine)
    const all = await reviewOk(h, 'statsAll', {}, ADMIN)
    expect(all.items.map((i) => i.teacher.id)).toEqual(expect.arrayContaining([publicIdOf(LI), publicIdOf(WANG)]))
    noOpenids(all)
  })
})
