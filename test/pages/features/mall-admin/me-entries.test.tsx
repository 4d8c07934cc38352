import { render, screen, waitFor } from '@testing-library/react'
import Me from '@/pages/me/index'
import { fakeCloud } from '../mall/support'
import { adminMe, freshSession, memberMe } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('我的 page entries', () => {
  beforeEach(() => freshSession())

  it('should offer 我的积分, 积分商城 and 我的兑换 to every member', async () => {
    fakeCloud({ 'identity.me': memberMe })
    render(<Me />)

    expect(screen.getByText('我的积分')).toBeTruthy()
    expect(screen.getByText('积分商城')).toBeTruthy()
    expect(screen.getByText('我的兑换')).toBeTruthy()
    await screen.findByText('学员')
  })

  it('should show 积分商城管理 to an admin', async () => {
    fakeCloud({ 'identity.me': adminMe })
    render(<Me />)

    expect(await screen.findByText('积分商城管理')).toBeTruthy()
  })

  it('should not show 积分商城管理 to a member', async () => {
    fakeCloud({ 'identity.me': memberMe })
    render(<Me />)

    await screen.findByText('学员')
    expect(screen.queryByText('积分商城管理')).toBeNull()
  })

  it('should keep the log-in hint when identity cannot be loaded', async () => {
    const cloud = fakeCloud({})
    render(<Me />)

    await waitFor(() => expect(cloud.calls('identity.me')).toHaveLength(1))
    expect(await screen.findByText('登录后可查看我的打卡、积分与兑换记录')).toBeTruthy()
    expect(screen.queryByText('积分商城管理')).toBeNull()
  })
})
