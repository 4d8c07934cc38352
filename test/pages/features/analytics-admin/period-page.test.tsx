import { fireEvent, render, screen } from '@testing-library/react'
import PeriodDashboardPage from '@/features/analytics-admin/pages/period/index'
import { adminMe, freshSession } from '../mall-admin/admin-support'
import { deferred, fail, fakeCloud, findById, findToast, ok, setRouteParams } from '../mall/support'
import { dashboard } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('期次数据 page', () => {
  beforeEach(() => {
    freshSession()
    setRouteParams({ periodId: 'p1' })
  })

  it('should load the period and show the funnel with its breakdowns', async () => {
    const pending = deferred()
    const cloud = fakeCloud({ 'identity.me': adminMe, 'analytics.periodDashboard': pending.reply })
    render(<PeriodDashboardPage />)

    expect(await screen.findByText('加载中…')).toBeTruthy()
    pending.release(ok(dashboard()))
    expect(await screen.findByText('英语口语打卡 第3期')).toBeTruthy()
    expect((await findById('stage-joined')).textContent).toContain('40 人 · 100.0%')
    expect((await findById('stage-completed')).textContent).toContain('12 人 · 30.0%')
    expect((await findById('completion-rate')).textContent).toContain('30.0%')
    expect((await findById('by-channel-poster')).textContent).toContain('poster')
    expect((await findById('by-poster-AB12')).textContent).toContain('10')
    expect((await findById('round-1')).textContent).toContain('第1轮 结营特惠')
    expect((await findById('computed-at')).textContent).toBe('数据计算于 2026-03-04 10:05')
    expect(cloud.calls('analytics.periodDashboard')).toEqual([{ action: 'periodDashboard', periodId: 'p1' }])
  })

  it('should draw the heatmap darker where more members checked in', async () => {
    fakeCloud({ 'identity.me': adminMe, 'analytics.periodDashboard': ok(dashboard()) })
    render(<PeriodDashboardPage />)

    const busiest = await findById('heat-0-8')
    const quiet = await findById('heat-2-21')
    const empty = await findById('heat-6-3')
    expect(Number(busiest.style.opacity)).toBeGreaterThan(Number(quiet.style.opacity))
    expect(Number(quiet.style.opacity)).toBeGreaterThan(Number(empty.style.opacity))
    expect((await findById('busiest')).textContent).toContain('8:00–9:00（9 次）')
  })

  it('should show the empty state of a period never computed, and refresh it', async () => {
    let computed = false
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'analytics.periodDashboard': () => ok(computed ? dashboard() : dashboard({ computedAt: null })),
      'analytics.refresh': () => ((computed = true), ok({ periodId: 'p1', days: 2, computedAt: 1 })),
    })
    render(<PeriodDashboardPage />)

    expect(await screen.findByText(/还没有计算过数据/)).toBeTruthy()
    expect(screen.queryByText('转化漏斗')).toBeNull()
    fireEvent.click(await findById('refresh'))
    await findToast('数据已刷新')
    expect(await screen.findByText('转化漏斗')).toBeTruthy()
    expect(cloud.calls('analytics.refresh')).toEqual([{ action: 'refresh', periodId: 'p1' }])
  })

  it('should show why a refresh was refused', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'analytics.periodDashboard': ok(dashboard()),
      'analytics.refresh': fail('ANALYTICS.REFRESH_TOO_SOON', '刚刚已刷新过，请一分钟后再试'),
    })
    render(<PeriodDashboardPage />)

    fireEvent.click(await findById('refresh'))
    await findToast('刚刚已刷新过，请一分钟后再试')
  })

  it('should show the error and retry', async () => {
    let calls = 0
    fakeCloud({
      'identity.me': adminMe,
      'analytics.periodDashboard': () => (++calls === 1 ? fail('ANALYTICS.PERIOD_NOT_FOUND', '期次不存在') : ok(dashboard())),
    })
    render(<PeriodDashboardPage />)

    expect(await screen.findByText('期次不存在')).toBeTruthy()
    fireEvent.click(await findById('retry'))
    expect(await screen.findByText('英语口语打卡 第3期')).toBeTruthy()
  })
})
