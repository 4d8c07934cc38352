import { render, screen } from '@testing-library/react'
import PeriodDashboardPage from '@/features/analytics-admin/pages/period/index'
import PeriodsPage from '@/features/analytics-admin/pages/periods/index'
import { curveChart, curveSummary, funnelSteps } from '@/features/analytics-admin/charts/chart-data'
import type { CurvePoint } from '@cloud/domain/analytics/funnel'
import { adminMe, freshSession } from '../mall-admin/admin-support'
import { fakeCloud, findById, ok, setRouteParams } from '../mall/support'
import { dashboard } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

/** A 7-day period on its 3rd day: the stored curve has 0 for days 4..7, which are not reached. */
const week = (counts: number[], of: number): CurvePoint[] =>
  Array.from({ length: 7 }, (_, i) => ({
    dayIndex: i + 1,
    day: `2026-03-0${i + 2}`,
    count: counts[i] ?? 0,
    of,
    rate: of ? Math.round(((counts[i] ?? 0) / of) * 10_000) / 10_000 : 0,
  }))

describe('chart data', () => {
  it('should draw only the days reached and keep every day on the axis', () => {
    const chart = curveChart(week([30, 24, 20], 40), 3)
    expect(chart.days).toEqual(['第1天', '第2天', '第3天', '第4天', '第5天', '第6天', '第7天'])
    expect(chart.points).toEqual([
      { day: '第1天', rate: 0.75, count: 30, of: 40 },
      { day: '第2天', rate: 0.6, count: 24, of: 40 },
      { day: '第3天', rate: 0.5, count: 20, of: 40 },
    ])
    expect(chart.notReached).toBe(4)
    expect(curveSummary(chart)).toBe('第1天 75.0%（30/40），第2天 60.0%（24/40），第3天 50.0%（20/40）；其余 4 天未到')
  })

  it('should draw nothing before the period starts and every day once it is over', () => {
    expect(curveSummary(curveChart(week([], 40), 0))).toBe('期次还没有开始，暂无数据')
    expect(curveChart(week([1, 2, 3, 4, 5, 6, 7], 10), 7)).toMatchObject({ notReached: 0 })
  })

  it('should map the funnel stages in order with their share of joins', () => {
    expect(funnelSteps({ joined: 40, checkedIn: 30, half: 20, completed: 12, paid: 2 })).toEqual([
      { stage: '报名', short: '报名', count: 40, share: 1 },
      { stage: '至少打卡 1 天', short: '打卡', count: 30, share: 0.75 },
      { stage: '打卡过半', short: '过半', count: 20, share: 0.5 },
      { stage: '完成', short: '完成', count: 12, share: 0.3 },
      { stage: '付费', short: '付费', count: 2, share: 0.05 },
    ])
    expect(funnelSteps({ joined: 0, checkedIn: 0, half: 0, completed: 0, paid: 0 }).every((s) => s.share === 0)).toBe(true)
  })
})

describe('期次数据 charts', () => {
  beforeEach(() => {
    freshSession()
    setRouteParams({ periodId: 'p1' })
  })

  it('should chart the reached days only and say how many are not reached', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'analytics.periodDashboard': ok(dashboard({ participation: week([30, 24, 20], 40), retention: week([30, 20, 15], 30) })),
    })
    render(<PeriodDashboardPage />)

    const chart = (await findById('participation')).querySelector('.chart-canvas')
    expect(chart?.getAttribute('aria-label')).toBe(
      '每日参与率：第1天 75.0%（30/40），第2天 60.0%（24/40），第3天 50.0%（20/40）；其余 4 天未到',
    )
    expect(chart?.querySelector('canvas#participation-chart')).toBeTruthy()
    expect((await findById('participation-note')).textContent).toBe('最近 第3天：20/40 人，还有 4 天未到')
    expect((await findById('retention-note')).textContent).toBe('最近 第3天：15/30 人，还有 4 天未到')
    expect((await findById('funnel')).querySelector('.chart-canvas')?.getAttribute('aria-label')).toBe(
      '转化漏斗：报名 40 人（100.0%） → 至少打卡 1 天 30 人（75.0%） → 打卡过半 20 人（50.0%） → 完成 12 人（30.0%） → 付费 2 人（5.0%）',
    )
  })

  it('should show no curve before the period starts', async () => {
    const base = dashboard()
    fakeCloud({
      'identity.me': adminMe,
      'analytics.periodDashboard': ok({ ...base, period: { ...base.period, status: 'open', reachedDays: 0 }, participation: week([], 40) }),
    })
    render(<PeriodDashboardPage />)

    expect((await findById('participation-empty')).textContent).toBe('期次还没有开始，暂无数据')
    expect(document.querySelector('canvas#participation-chart')).toBeNull()
  })
})

describe('期次 list', () => {
  beforeEach(() => {
    freshSession()
    setRouteParams({})
  })

  it('should show each period with its own status', async () => {
    const option = (id: string, status: string) => ({
      id,
      title: `打卡营 ${id}`,
      startDay: '2026-03-02',
      lengthDays: 7,
      status,
      reachedDays: 0,
    })
    fakeCloud({
      'identity.me': adminMe,
      'analytics.periods': ok([option('a', 'open'), option('b', 'running'), option('c', 'ended'), option('d', 'closed')]),
    })
    render(<PeriodsPage />)

    expect((await findById('period-a')).textContent).toContain('招募中')
    expect((await findById('period-b')).textContent).toContain('进行中')
    expect((await findById('period-c')).textContent).toContain('已结束')
    expect((await findById('period-d')).textContent).toContain('已结营')
    expect(screen.queryAllByText('招募中')).toHaveLength(1)
  })
})
