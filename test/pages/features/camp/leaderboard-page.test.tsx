import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { LeaderboardRow } from '@cloud/contracts/camp-views'
import LeaderboardPage from '@/features/camp/pages/leaderboard/index'
import { byId, deferred, fail, fakeCloud, findById, ok, setRouteParams } from '../mall/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const row = (rank: number, nickname: string, isMe = false): LeaderboardRow => ({
  rank,
  member: { id: `m${rank}`, nickname, avatarFileId: '' },
  bestStreak: 8 - rank,
  currentStreak: 3,
  checkedDays: 10 - rank,
  isMe,
  badges: [],
  tier: null,
})
const page = (rows: LeaderboardRow[], next: { before: string; offset: number } | null = null, board = 'streak') => ({
  board: { value: board, label: board === 'streak' ? '连续打卡榜' : '打卡天数榜' },
  rows,
  next,
})

describe('排行榜 page', () => {
  beforeEach(() => setRouteParams({ periodId: 'p1' }))

  it('should show 加载中, then the ranked members with my row marked', async () => {
    const pending = deferred()
    fakeCloud({ 'camp.leaderboard': pending.reply })
    render(<LeaderboardPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok(page([row(1, '小红'), row(2, '小明', true)])))
    expect((await findById('rank-1')).textContent).toContain('小红')
    expect(byId('rank-2').className).toContain('board__row--me')
    expect(byId('rank-1').textContent).toContain('最长连续 7 天')
  })

  it('should show each member’s tier and badges on their row, by label', async () => {
    const decorated: LeaderboardRow = {
      ...row(1, '小红'),
      tier: { label: '连续 14 天 ×1.5', multiplier: 1.5 },
      badges: [{ value: 'streak_14', label: '坚持 14 天' }],
    }
    fakeCloud({ 'camp.leaderboard': ok(page([decorated, row(2, '小明', true)])) })
    render(<LeaderboardPage />)
    expect((await findById('rank-1-badges')).textContent).toBe('连续 14 天 ×1.5坚持 14 天')
    expect(document.getElementById('rank-2-badges')).toBeNull()
  })

  it('should ask for the check-ins board when its tab is tapped', async () => {
    const cloud = fakeCloud({ 'camp.leaderboard': (req: { board: string }) => ok(page([row(1, '小红')], null, req.board)) })
    render(<LeaderboardPage />)

    fireEvent.click(await findById('board-checkins'))

    await waitFor(() => expect(byId('rank-1').textContent).toContain('打卡 9 天'))
    expect(cloud.calls('camp.leaderboard')[1]).toEqual({ action: 'leaderboard', periodId: 'p1', board: 'checkins', limit: 20 })
  })

  it('should load the next page with the cursor it was given', async () => {
    const cursor = { before: 'k1', offset: 1 }
    const cloud = fakeCloud({
      'camp.leaderboard': (req: { cursor?: unknown }) => ok(req.cursor ? page([row(2, '小刚')]) : page([row(1, '小红')], cursor)),
    })
    render(<LeaderboardPage />)

    fireEvent.click(await screen.findByText('加载更多'))

    expect(await screen.findByText('小刚')).toBeTruthy()
    expect(cloud.calls('camp.leaderboard')[1].cursor).toEqual(cursor)
  })

  it('should show the empty state when nobody has checked in', async () => {
    fakeCloud({ 'camp.leaderboard': ok(page([])) })
    render(<LeaderboardPage />)

    expect(await screen.findByText('还没有人上榜，快去打卡吧')).toBeTruthy()
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'camp.leaderboard': fail('CAMP.NOT_FOUND', '打卡营不存在') })
    render(<LeaderboardPage />)

    expect(await screen.findByText('打卡营不存在')).toBeTruthy()
  })
})
