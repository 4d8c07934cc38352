import { fireEvent, render, screen } from '@testing-library/react'
import TeamDayPage from '@/features/community/pages/team-day/index'
import BoardPage from '@/features/community/pages/board/index'
import type { TeamBoardPage, TeamDayView } from '@cloud/contracts/community'
import { answerModal, byId, fakeCloud, fail, findById, findToast, modalClosed, ok, setRouteParams } from '../mall/support'
import { face } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const day: TeamDayView = {
  campId: 'c1',
  team: { index: 1, name: '飞鸟队', size: 4 },
  dayIndex: 4,
  day: '2026-03-05',
  checkedIn: [{ member: face('小明', 1), role: null, checkedToday: true, streak: 4, reminder: null }],
  notYet: [
    { member: face('小红', 2), role: { value: 'leader', label: '组长' }, checkedToday: false, streak: 3, reminder: null },
    { member: face('小刚', 3), role: null, checkedToday: false, streak: 0, reminder: { value: 'ready', label: '可提醒' } },
    { member: face('小丽', 4), role: null, checkedToday: false, streak: 1, reminder: { value: 'off', label: '未开启提醒' } },
  ],
  remindable: 1,
}

describe('本队今日 page', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))

  it('should list who has not checked in and who has, with streaks', async () => {
    const cloud = fakeCloud({ 'community.teamDay': ok(day) })
    render(<TeamDayPage />)

    expect(await screen.findByText('飞鸟队')).toBeTruthy()
    expect(screen.getByText('第 4 天 · 已打卡 1 / 4 人')).toBeTruthy()
    expect(screen.getByText('还没打卡（3）')).toBeTruthy()
    expect(screen.getByText('未开启提醒')).toBeTruthy()
    expect(screen.getByText('连续 4 天')).toBeTruthy()
    expect(screen.getByText('未连续')).toBeTruthy()
    expect(cloud.calls('community.teamDay')).toEqual([{ action: 'teamDay', periodId: 'p1' }])
  })

  it('should show why a member without a role cannot see the team', async () => {
    fakeCloud({ 'community.teamDay': fail('TEAM.NOT_LEADER', '只有组长或学习委员可以查看本队') })
    render(<TeamDayPage />)

    expect(await screen.findByText('只有组长或学习委员可以查看本队')).toBeTruthy()
    expect(await findById('retry')).toBeTruthy()
  })

  it('should remind the members who can be reminded after a confirmation, say what happened and reload', async () => {
    const reminded: TeamDayView = {
      ...day,
      notYet: day.notYet.map((r) => (r.reminder?.value === 'ready' ? { ...r, reminder: { value: 'reminded', label: '今天已提醒' } } : r)),
      remindable: 0,
    }
    let loads = 0
    const cloud = fakeCloud({
      'community.teamDay': () => ok(loads++ === 0 ? day : reminded),
      'community.remindTeam': ok({ sent: 1, alreadyReminded: 0, noCredit: 1, failed: 0 }),
    })
    render(<TeamDayPage />)

    fireEvent.click(await findById('remind-team'))
    await answerModal('将用订阅消息提醒 1 位还没打卡的同学（每人每天最多提醒一次）', false)
    await modalClosed()
    expect(cloud.calls('community.remindTeam')).toEqual([])

    fireEvent.click(byId('remind-team'))
    await answerModal('将用订阅消息提醒 1 位还没打卡的同学（每人每天最多提醒一次）', true)
    await findToast('已提醒 1 人，1 人未开启提醒')
    expect(cloud.calls('community.remindTeam')).toEqual([{ action: 'remindTeam', periodId: 'p1' }])
    expect(await screen.findByText('今天已提醒')).toBeTruthy()
    expect(screen.getByText('还没打卡的同学今天都已被提醒过，或还没开启打卡提醒')).toBeTruthy()
    expect(document.getElementById('remind-team')).toBeNull()
  })

  it('should show a failed reminder as a message and keep the button', async () => {
    fakeCloud({ 'community.teamDay': ok(day), 'community.remindTeam': fail('TEAM.NOT_CHECKIN_DAY', '今天不是本期的打卡日，无需提醒') })
    render(<TeamDayPage />)

    fireEvent.click(await findById('remind-team'))
    await answerModal(/提醒 1 位/, true)
    await findToast('今天不是本期的打卡日，无需提醒')
    expect(byId('remind-team')).toBeTruthy()
  })

  it('should offer no reminder once everyone has checked in', async () => {
    fakeCloud({ 'community.teamDay': ok({ ...day, checkedIn: [...day.checkedIn], notYet: [], remindable: 0 }) })
    render(<TeamDayPage />)

    expect(await screen.findByText('全员已打卡')).toBeTruthy()
    expect(document.getElementById('remind-team')).toBeNull()
    expect(byId('share-team')).toBeTruthy()
  })

  it('should say so when the team has no members', async () => {
    fakeCloud({ 'community.teamDay': ok({ ...day, team: { ...day.team, size: 0 }, checkedIn: [], notYet: [] }) })
    render(<TeamDayPage />)

    expect(await screen.findByText('本队还没有成员')).toBeTruthy()
  })
})

const boardPage = (which: 'today' | 'period', next: number | null = null): TeamBoardPage => ({
  board: which,
  rows: [
    { rank: 1, index: 2, name: '飞鸟队', size: 10, ratePercent: which === 'today' ? 90 : 75.5, averageStreak: 3.2, mine: false },
    { rank: 2, index: 1, name: '第 1 队', size: 10, ratePercent: 60, averageStreak: 1.5, mine: true },
  ],
  next,
  computedAt: Date.UTC(2026, 2, 5, 2, 10),
})

describe('小队 PK 榜 page', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))

  it("should rank teams by today's rate and switch to the period's", async () => {
    const cloud = fakeCloud({ 'community.board': (req: { board: 'today' | 'period' }) => ok(boardPage(req.board)) })
    render(<BoardPage />)

    expect(await screen.findByText('90%')).toBeTruthy()
    expect(screen.getByText('我的小队')).toBeTruthy()
    fireEvent.click(await findById('board-period'))
    expect(await screen.findByText('75.5%')).toBeTruthy()
    expect(cloud.calls('community.board').map((c) => c.board)).toEqual(['today', 'period'])
  })

  it('should load the next page after the rows shown', async () => {
    const cloud = fakeCloud({
      'community.board': (req: { offset: number }) =>
        ok(
          req.offset === 0
            ? boardPage('today', 2)
            : { ...boardPage('today'), rows: [{ ...boardPage('today').rows[0], rank: 3, index: 3, name: '第 3 队' }] },
        ),
    })
    render(<BoardPage />)

    fireEvent.click(await findById('board-more'))
    expect(await screen.findByText('第 3 队')).toBeTruthy()
    expect(screen.getByText('飞鸟队')).toBeTruthy()
    expect(cloud.calls('community.board').map((c) => c.offset)).toEqual([0, 2])
  })
})
