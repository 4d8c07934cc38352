import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'
import Me from '@/pages/me/index'
import { refreshMe } from '@/shared/session'
import { fakeCloud, findById, ok } from '../mall/support'
import { memberMe } from '../mall-admin/admin-support'
import { teacherMe } from '../classes-admin/fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('free-class entry points', () => {
  beforeEach(() => refreshMe())
  afterEach(() => jest.restoreAllMocks())

  it('should open the class list from the home page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'camp.myPeriods': ok({ items: [] }), 'camp.listCamps': ok({ items: [] }) })
    render(<Home />)

    fireEvent.click(await findById('entry-classes'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/classes/pages/index/index' })
  })

  it('should offer 我的免费课 to a member but not 免费课管理', async () => {
    fakeCloud({ 'identity.me': memberMe })
    render(<Me />)

    await screen.findByText('学员')
    expect(screen.getByText('我的免费课')).toBeTruthy()
    expect(screen.queryByText('免费课管理')).toBeNull()
  })

  it('should offer 免费课管理 to a teacher', async () => {
    fakeCloud({ 'identity.me': teacherMe })
    render(<Me />)

    expect(await screen.findByText('免费课管理')).toBeTruthy()
  })
})
