import { fireEvent, render, screen } from '@testing-library/react'
import PointsPage from '@/features/points/pages/index/index'
import { deferred, fail, fakeCloud, ok } from '../mall/support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const balance = { balance: 120, earned: 300, spent: 180, expiring: null }
// 2026-11-23 01:30 UTC is 09:30 in Beijing.
const entry = (seq: number, amount: number, reason: string, reasonLabel: string) => ({
  id: `e${seq}`,
  seq,
  amount,
  reason,
  reasonLabel,
  at: Date.UTC(2026, 10, 23, 1, 30) - seq * 60_000,
  balanceAfter: 100,
})

describe('我的积分 page', () => {
  it('should show 加载中 until balance and history answer, then the balance', async () => {
    const pending = deferred()
    fakeCloud({ 'points.balance': pending.reply, 'points.history': ok({ items: [], nextBefore: null }) })
    render(<PointsPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok(balance))
    expect((await screen.findByText('120')).id).toBe('points-balance')
    expect(screen.getByText('累计获得 300')).toBeTruthy()
    expect(screen.getByText('累计使用 180')).toBeTruthy()
  })

  it('should show signed amounts, reason labels and Beijing time for history entries', async () => {
    fakeCloud({
      'points.balance': ok(balance),
      'points.history': ok({ items: [entry(2, 10, 'checkin', '打卡奖励'), entry(1, -50, 'redeem', '积分兑换')], nextBefore: null }),
    })
    render(<PointsPage />)

    expect(await screen.findByText('+10')).toBeTruthy()
    expect(screen.getByText('\u221250')).toBeTruthy()
    expect(screen.getByText('打卡奖励')).toBeTruthy()
    expect(screen.getByText('积分兑换')).toBeTruthy()
    expect(screen.getByText('2026-11-23 09:28')).toBeTruthy()
  })

  it('should show what expires soon when the policy is on', async () => {
    const expiring = { amount: 30, buckets: [{ month: '2026-09', lastDay: '2026-11-30', amount: 30 }] }
    fakeCloud({ 'points.balance': ok({ ...balance, expiring }), 'points.history': ok({ items: [], nextBefore: null }) })
    render(<PointsPage />)

    expect(await screen.findByText('30 积分将于 2026-11-30 后过期')).toBeTruthy()
  })

  it('should show the empty state when there is no history', async () => {
    fakeCloud({ 'points.balance': ok(balance), 'points.history': ok({ items: [], nextBefore: null }) })
    render(<PointsPage />)

    expect(await screen.findByText('还没有积分记录，去打卡赚积分吧')).toBeTruthy()
  })

  it('should show the function error message with a retry button', async () => {
    fakeCloud({ 'points.balance': fail('POINTS.UNAVAILABLE', '积分服务维护中'), 'points.history': ok({ items: [], nextBefore: null }) })
    render(<PointsPage />)

    expect(await screen.findByText('积分服务维护中')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('should load older entries with before = the last seq when 加载更多 is tapped', async () => {
    const cloud = fakeCloud({
      'points.balance': ok(balance),
      'points.history': (req: { before?: number }) =>
        req.before === undefined
          ? ok({ items: [entry(5, 10, 'checkin', '打卡奖励')], nextBefore: 5 })
          : ok({ items: [entry(4, 20, 'featured', '精选奖励')], nextBefore: null }),
    })
    render(<PointsPage />)

    fireEvent.click(await screen.findByText('加载更多'))

    expect(await screen.findByText('精选奖励')).toBeTruthy()
    expect(cloud.calls('points.history')[1]).toEqual({ action: 'history', before: 5, limit: 20 })
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })
})

describe('我的积分 page retry', () => {
  it('should load again and show the balance when 重试 is tapped', async () => {
    let calls = 0
    fakeCloud({
      'points.balance': () => (++calls === 1 ? fail('POINTS.UNAVAILABLE', '积分服务维护中') : ok(balance)),
      'points.history': ok({ items: [], nextBefore: null }),
    })
    render(<PointsPage />)

    fireEvent.click(await screen.findByText('重试'))

    expect((await screen.findByText('120')).id).toBe('points-balance')
  })
})
