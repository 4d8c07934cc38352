import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Me from '@/pages/me/index'
import { fakeCloud } from '../mall/support'
import { adminMe, freshSession, memberMe, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('我的 page 点评工作台 entry', () => {
  beforeEach(() => freshSession())
  afterEach(() => jest.restoreAllMocks())

  it('should open 点评工作台 for a teacher', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    fakeCloud({ 'identity.me': teacherMe })
    render(<Me />)

    fireEvent.click(await screen.findByText('点评工作台'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/review/pages/index/index' })
  })

  it('should show 点评工作台 to an admin', async () => {
    fakeCloud({ 'identity.me': adminMe })
    render(<Me />)

    expect(await screen.findByText('点评工作台')).toBeTruthy()
  })

  it('should not show 点评工作台 to a member', async () => {
    fakeCloud({ 'identity.me': memberMe })
    render(<Me />)

    await screen.findByText('学员')
    expect(screen.queryByText('点评工作台')).toBeNull()
  })
})
