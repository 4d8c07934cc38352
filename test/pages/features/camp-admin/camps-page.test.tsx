import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CampAdminHome from '@/features/camp-admin/pages/index/index'
import { refreshMe } from '@/shared/session'
import { byId, fail, fakeCloud, findById, ok } from '../mall/support'
import { adminCampView, adminMe, memberMe, periodDoc } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('打卡营管理 page', () => {
  beforeEach(() => refreshMe())
  afterEach(() => jest.restoreAllMocks())

  it('should list every camp with its periods, drafts included, and members joined', async () => {
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamps': ok({ items: [adminCampView([periodDoc()])] }) })
    render(<CampAdminHome />)

    expect((await findById('admin-camp-c1')).textContent).toContain('21 天英语口语打卡')
    expect(byId('admin-period-p1').textContent).toContain('草稿 · 12/200 人')
  })

  it('should show the empty state with the create button', async () => {
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamps': ok({ items: [] }) })
    render(<CampAdminHome />)

    expect(await screen.findByText('还没有打卡营，先新建一个吧')).toBeTruthy()
    expect(byId('new-camp')).toBeTruthy()
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamps': fail('AUTH.FORBIDDEN', '没有权限') })
    render(<CampAdminHome />)

    expect(await screen.findByText('没有权限')).toBeTruthy()
  })

  it('should keep members out without calling the admin action', async () => {
    const cloud = fakeCloud({ 'identity.me': memberMe, 'camp.adminCamps': ok({ items: [] }) })
    render(<CampAdminHome />)

    expect(await screen.findByText('仅运营人员可以使用该功能')).toBeTruthy()
    expect(cloud.calls('camp.adminCamps')).toHaveLength(0)
  })

  it('should open the period page of a tapped period', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': adminMe, 'camp.adminCamps': ok({ items: [adminCampView()] }) })
    render(<CampAdminHome />)

    fireEvent.click(await findById('admin-period-p1'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/camp-admin/pages/period/index?campId=c1&periodId=p1' })
  })
})
