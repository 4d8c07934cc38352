import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReportPage from '@/features/community/pages/report/index'
import ReportMembersPage from '@/features/community/pages/report-members/index'
import TodayPage from '@/features/camp/pages/today/index'
import type { LearningReportView, ReportMembersPage as MembersPage } from '@cloud/contracts/community'
import { refreshMe } from '@/shared/session'
import { byId, fail, fakeCloud, findById, ok, setRouteParams } from '../mall/support'
import { periodView, todayView } from '../camp/fixtures'
import { face } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const report = (fields: Partial<LearningReportView> = {}): LearningReportView => ({
  periodId: 'p1',
  campId: 'c1',
  campTitle: '英语口语打卡',
  periodTitle: '英语口语打卡 · 第 1 期 · 7 天',
  startDay: '2026-03-02',
  endDay: '2026-03-08',
  member: face('小明', 1),
  lengthDays: 7,
  daysChecked: 6,
  daysMadeUp: 1,
  attendancePercent: 100,
  longestStreak: 7,
  featuredCount: 1,
  completed: true,
  badges: [{ value: 'streak_7', label: '坚持 7 天' }],
  comments: { count: 2, highlights: ['今天的朗读很有感情', '发音很清楚！'] },
  points: { earned: 220, spent: 20 },
  team: { name: '飞鸟队', rank: 1, teams: 3 },
  ...fields,
})

const NOT_READY = fail('COMMUNITY.REPORT_NOT_READY', '报告将在本期结束后生成')

describe('学习报告 page', () => {
  afterEach(() => jest.restoreAllMocks())

  it("should show the member's own report: days, streak, points, team rank, badges and comment excerpts", async () => {
    setRouteParams({ periodId: 'p1' })
    const cloud = fakeCloud({ 'invites.myCode': ok({ code: 'ABC123' }), 'community.myReport': ok(report()) })
    render(<ReportPage />)

    expect((await findById('stat-days')).textContent).toContain('7 / 7')
    expect(byId('stat-streak').textContent).toContain('7')
    expect(byId('stat-points').textContent).toContain('220')
    expect(screen.getByText('按时打卡 6 天 · 补卡 1 天 · 出勤率 100%')).toBeTruthy()
    expect(byId('report-team').textContent).toBe('飞鸟队 · 小队 PK 第 1 名（共 3 队）')
    expect(screen.getByText('坚持 7 天')).toBeTruthy()
    expect(screen.getByText('“今天的朗读很有感情”')).toBeTruthy()
    expect(screen.getByText('点右上角「···」把报告转发给家人朋友')).toBeTruthy()
    expect(cloud.calls('community.myReport')).toEqual([{ action: 'myReport', periodId: 'p1' }])
    expect(cloud.calls('community.memberReport')).toEqual([])
  })

  it('should say the report comes when the period ends, without an error or a retry', async () => {
    setRouteParams({ periodId: 'p1' })
    fakeCloud({ 'invites.myCode': ok({ code: 'ABC123' }), 'community.myReport': NOT_READY })
    render(<ReportPage />)

    expect(await screen.findByText('报告将在本期结束后生成')).toBeTruthy()
    expect(document.getElementById('retry')).toBeNull()
    expect(document.getElementById('report-card')).toBeNull()
  })

  it('should show another failure with 重试', async () => {
    setRouteParams({ periodId: 'p1' })
    fakeCloud({ 'invites.myCode': ok({ code: 'ABC123' }), 'community.myReport': fail('COMMUNITY.NOT_ENROLLED', '没有报名本期') })
    render(<ReportPage />)

    expect(await screen.findByText('没有报名本期')).toBeTruthy()
    expect(await findById('retry')).toBeTruthy()
  })

  it("should show staff a member's report by handle, with no share hint and no team line off a team", async () => {
    setRouteParams({ periodId: 'p1', member: face('小明', 1).id })
    const cloud = fakeCloud({ 'invites.myCode': ok({ code: 'ABC123' }), 'community.memberReport': ok(report({ team: null })) })
    render(<ReportPage />)

    expect(await findById('report-card')).toBeTruthy()
    expect(document.getElementById('report-team')).toBeNull()
    expect(screen.queryByText('点右上角「···」把报告转发给家人朋友')).toBeNull()
    expect(cloud.calls('community.memberReport')).toEqual([{ action: 'memberReport', periodId: 'p1', member: face('小明', 1).id }])
  })
})

const membersPage = (from: number, count: number, cursor: string | null): MembersPage => ({
  periodTitle: '第 1 期 · 7 天',
  lengthDays: 7,
  members: Array.from({ length: count }, (_, i) => ({
    member: face(`学员${from + i}`, from + i),
    daysChecked: 5,
    daysMadeUp: i === 0 ? 1 : 0,
  })),
  cursor,
})

describe('学员学习报告 list', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))
  afterEach(() => jest.restoreAllMocks())

  it("should list the members, load the next page with the cursor and open a member's report", async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const cloud = fakeCloud({
      'community.reportMembers': (req: { cursor?: string }) =>
        ok(req.cursor ? membersPage(2, 1, null) : membersPage(0, 2, '1000~uaaaaaaaaaaaaaaa1')),
    })
    render(<ReportMembersPage />)

    expect(await screen.findByText('学员0')).toBeTruthy()
    expect(screen.getByText('打卡 6 / 7 天（补卡 1）')).toBeTruthy()
    fireEvent.click(await findById('members-more'))
    expect(await screen.findByText('学员2')).toBeTruthy()
    expect(document.getElementById('members-more')).toBeNull()
    expect(cloud.calls('community.reportMembers')).toEqual([
      { action: 'reportMembers', periodId: 'p1' },
      { action: 'reportMembers', periodId: 'p1', cursor: '1000~uaaaaaaaaaaaaaaa1' },
    ])
    fireEvent.click(byId('report-member-1'))
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/features/community/pages/report/index?periodId=p1&member=${face('学员1', 1).id}`,
    })
  })

  it('should say the reports come when the period ends', async () => {
    fakeCloud({ 'community.reportMembers': NOT_READY })
    render(<ReportMembersPage />)

    expect(await screen.findByText('报告将在本期结束后生成')).toBeTruthy()
  })
})

describe("the member's period page", () => {
  const me = ok({ openid: 'm-01', nickname: '小明', isAdmin: false, isTeacher: false })
  beforeEach(() => {
    refreshMe()
    localStorage.clear()
    setRouteParams({ periodId: 'p1' })
  })
  afterEach(() => jest.restoreAllMocks())

  it('should link the 学习报告 once the period has ended, not before', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': me, 'camp.today': ok(todayView()) })
    const running = render(<TodayPage />)
    await findById('link-calendar')
    expect(document.getElementById('link-report')).toBeNull()
    running.unmount()

    const ended = todayView({ period: periodView({ status: { value: 'ended', label: '已结束' } }), canCheckIn: false })
    fakeCloud({ 'identity.me': me, 'camp.today': ok(ended) })
    render(<TodayPage />)
    fireEvent.click(await findById('link-report'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/community/pages/report/index?periodId=p1' })
  })
})
