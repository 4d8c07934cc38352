import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CampListPage from '@/features/camp/pages/index/index'
import { deferred, fail, fakeCloud, ok } from '../mall/support'
import { campView, periodView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('打卡营 list page', () => {
  afterEach(() => jest.restoreAllMocks())

  it('should show 加载中 until the camps answer, then each camp with its tags and period status', async () => {
    const pending = deferred()
    fakeCloud({ 'camp.listCamps': pending.reply })
    render(<CampListPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok({ items: [campView()] }))
    expect(await screen.findByText('21 天英语口语打卡')).toBeTruthy()
    expect(screen.getByText('三年级')).toBeTruthy()
    expect(screen.getByText('进行中')).toBeTruthy()
  })

  it('should feature the recruiting period over an older finished one', async () => {
    const periods = [
      periodView({ id: 'p2', index: 2, status: { value: 'open', label: '报名中' } }),
      periodView({ id: 'p1', index: 1, status: { value: 'closed', label: '已结营' } }),
    ]
    fakeCloud({ 'camp.listCamps': ok({ items: [campView({ periods })] }) })
    render(<CampListPage />)

    expect(await screen.findByText('报名中')).toBeTruthy()
    expect(screen.queryByText('已结营')).toBeNull()
  })

  it('should show the empty state when no camp is open', async () => {
    fakeCloud({ 'camp.listCamps': ok({ items: [] }) })
    render(<CampListPage />)

    expect(await screen.findByText('暂时还没有开放的打卡营，敬请期待')).toBeTruthy()
  })

  it('should show the function error message with a retry', async () => {
    fakeCloud({ 'camp.listCamps': fail('AUTH.DENIED', '请先登录') })
    render(<CampListPage />)

    expect(await screen.findByText('请先登录')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('should open the camp detail when a camp is tapped', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'camp.listCamps': ok({ items: [campView()] }) })
    render(<CampListPage />)

    fireEvent.click(await screen.findByText('21 天英语口语打卡'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp/pages/detail/index?campId=c1' })
  })
})
