import { toCalendarView, toLeaderboardPage, toPeriodView, toTodayView } from '@cloud/contracts/camp-views'
import { planCheckin } from '@cloud/domain/camp'
import { applied, makeEnrollment, makePeriod, MEMBER, sh, textOnly } from './fixtures'

const period = makePeriod({ entry: { kind: 'invite_code', code: 'SECRET' } })

describe('camp views', () => {
  it('should label the period without leaking its invite code', () => {
    const view = toPeriodView(period, sh('2026-12-30 12:00'))
    expect(view).toMatchObject({
      title: '第 3 期 · 7 天',
      status: { value: 'running', label: '进行中' },
      entry: { label: '凭邀请码加入' },
      endDay: '2027-01-04',
    })
    expect(JSON.stringify(view)).not.toContain('SECRET')
  })

  it('should show today’s task, the check-in and the live streak', () => {
    const plan = planCheckin(period, makeEnrollment(period), null, textOnly(), sh('2026-12-29 09:00'), false)
    if (!plan.ok) throw new Error(plan.code)
    const e = applied(makeEnrollment(period), plan)
    const day1 = toTodayView(period, e, plan.checkin, sh('2026-12-29 21:00'))
    expect(day1).toMatchObject({ dayLabel: '第 1 天', task: { theme: '自我介绍' }, canCheckIn: false, currentStreak: 1, pointsEarned: 10 })
    // Two days later without a check-in the stored streak (1) is stale; the view shows 0.
    expect(toTodayView(period, e, null, sh('2026-12-31 09:00'))).toMatchObject({ canCheckIn: true, currentStreak: 0, bestStreak: 1 })
  })

  it('should label calendar days in Chinese', () => {
    const e = makeEnrollment(period, { checkedDays: ['2026-12-29'] })
    const view = toCalendarView(period, e, sh('2026-12-31 09:00'))
    expect(view.days.slice(0, 3).map((d) => d.status.label)).toEqual(['已打卡', '未打卡', '今日待打卡'])
    expect(view).toMatchObject({ makeupsLeft: 2, makeupCost: 20 })
  })

  it('should mark the viewer’s own leaderboard row', () => {
    const e = makeEnrollment(period)
    const page = toLeaderboardPage(
      period,
      'streak',
      [e],
      20,
      undefined,
      new Map([[MEMBER, { _id: MEMBER, nickname: '小明', avatarFileId: '' }]]),
      MEMBER,
      sh('2026-12-30 09:00'),
    )
    expect(page).toMatchObject({
      board: { label: '连续打卡榜' },
      rows: [{ rank: 1, isMe: true, member: { nickname: '小明' } }],
      next: null,
    })
  })
})
