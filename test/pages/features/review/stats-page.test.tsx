import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReviewStatsPage from '@/features/review/pages/stats/index'
import { byId, fail, fakeCloud, findById, ok } from '../mall/support'
import { adminMe, freshSession, statsView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('点评统计 page', () => {
  beforeEach(() => freshSession())

  it('should show the teacher’s reviewed today, backlog, median wait and each period', async () => {
    fakeCloud({ 'identity.me': teacherMe, 'review.stats': ok(statsView()) })
    render(<ReviewStatsPage />)

    const card = await findById('stats-uTeacherHandle01')
    expect(card.textContent).toContain('12今日已点评')
    expect(card.textContent).toContain('30待点评')
    expect(screen.getByText('中位等待 25 分钟')).toBeTruthy()
    expect(screen.getByText('已点评 12 · 退回 2 · 待点评 30 · 中位等待 25 分钟')).toBeTruthy()
  })

  it('should not offer the all-teachers view to a teacher', async () => {
    fakeCloud({ 'identity.me': teacherMe, 'review.stats': ok(statsView()) })
    render(<ReviewStatsPage />)

    await findById('stats-uTeacherHandle01')
    expect(document.getElementById('scope-all')).toBeNull()
  })

  it('should show every teacher to an admin who picks 全部老师', async () => {
    const li = statsView({ teacher: { id: 'uLiHandle0002', name: '李老师' }, reviewedToday: 40, periods: [] })
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'review.stats': ok(statsView({ teacher: { id: 'uAdminHandle001', name: '运营小王' } })),
      'review.statsAll': ok({ items: [statsView(), li] }),
    })
    render(<ReviewStatsPage />)
    await findById('stats-uAdminHandle001')

    fireEvent.click(byId('scope-all'))

    expect(await screen.findByText('李老师')).toBeTruthy()
    expect(screen.getByText('王老师')).toBeTruthy()
    expect(cloud.calls('review.statsAll')).toEqual([{ action: 'statsAll', limit: 50 }])
  })

  it('should open 批改时效 from the stats page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': teacherMe, 'review.stats': ok(statsView()) })
    render(<ReviewStatsPage />)
    await findById('stats-uTeacherHandle01')

    fireEvent.click(byId('go-sla'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/review/pages/sla/index' })
  })

  it('should show the function error with a retry', async () => {
    const cloud = fakeCloud({ 'identity.me': teacherMe, 'review.stats': fail('REVIEW.NOT_TEACHER', '只有老师可以点评') })
    render(<ReviewStatsPage />)

    expect(await screen.findByText('只有老师可以点评')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(cloud.calls('review.stats')).toHaveLength(2))
  })
})
